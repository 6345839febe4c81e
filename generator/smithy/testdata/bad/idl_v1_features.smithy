// No $version: a Smithy 1.0 file.
namespace com.example

enum Color {
    RED
}

structure Widget with [Base] {
    $id
}

operation GetWidget {
    input := {}
}
