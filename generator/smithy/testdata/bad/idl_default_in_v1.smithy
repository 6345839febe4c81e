$version: "1.0"
namespace com.example

structure Widget {
    @default(1)
    count: Integer
}
