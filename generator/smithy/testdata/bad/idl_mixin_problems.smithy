$version: "2"
namespace com.example

@mixin
structure HasId {
    id: String
}

@mixin
structure HasNumericId {
    id: Integer
}

@mixin
union Choice {
    a: String
}

structure Both with [HasId, HasNumericId] {}

structure Redefines with [HasId] {
    id: Integer
}

structure WrongKind with [Choice] {}

@mixin
resource Base {
    identifiers: {
        id: String
    }
}
