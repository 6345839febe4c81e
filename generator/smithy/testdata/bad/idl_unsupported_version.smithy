$version: "3.0"
namespace com.example

string S
