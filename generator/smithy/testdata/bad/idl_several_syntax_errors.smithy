$version: "2"
namespace com.example

structure Widget {
    id: String = "a" name: String
}

strin Label

@length(min: 1
string Token

structure Part with [] {}

string Fine
