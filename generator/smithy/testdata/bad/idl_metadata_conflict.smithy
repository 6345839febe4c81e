$version: "2"
metadata owner = "team-a"
metadata owner = "team-b"
metadata tags = ["a"]
metadata tags = ["b"]
namespace com.example

string S
