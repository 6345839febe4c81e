$version: "2"
namespace com.example

/// Documented once.
@documentation("and again")
string Twice

@sensitive
@sensitive
string Fine

@tags(["a"])
@tags(["b"])
string Tagged
