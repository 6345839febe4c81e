$version: "2"
namespace com.example

service Shop {
    version: 2024
    operations: Buy
    owner: "me"
    rename: {
        Widget: "Gadget"
    }
}

resource Order {
    identifiers: {
        id: "String"
    }
    read: [GetOrder]
}

operation Buy {}
