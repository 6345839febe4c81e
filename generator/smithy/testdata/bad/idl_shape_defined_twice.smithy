$version: "2"
namespace com.example

string Name

@length(min: 1)
string Name
