$version: "2"

@sensitive
string Secret
