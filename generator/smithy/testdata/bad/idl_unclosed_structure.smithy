$version: "2"
namespace com.example

structure Widget {
    id: String
