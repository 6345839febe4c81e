$version: "2"
namespace com.example

set Tags {
    member: String
}
