$version: "2"
namespace com.example

document Settings

@Settings(name: "x")
@idempotent
string Name

@readonly
structure Input {}

intEnum Big {
    HUGE = 2147483648
}
