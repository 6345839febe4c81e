$version: "2"
namespace com.example

use other.ns#Thing
use third.ns#Thing
use smithy.api#String

string String

structure Holder {
    thing: Thing
}
