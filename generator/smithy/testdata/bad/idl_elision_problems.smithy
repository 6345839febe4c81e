$version: "2"
namespace com.example

structure NotAResource {
    id: String
}

structure Bound for NotAResource {
    $id
}

resource Thing {
    identifiers: {
        thingId: String
    }
}

structure Summary for Thing {
    $thingId
    $name
}
