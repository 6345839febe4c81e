$version: "2"
namespace com.example

structure Widget {
    id: String
    id: String
    ID: String
}

enum Color {
    RED
    RED
}

list Names {
    item: String
}

map Index {
    key: String
}
