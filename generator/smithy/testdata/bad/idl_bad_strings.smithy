$version: "2"
namespace com.example

@documentation("can\'t")
string A

@documentation("""Hi""")
string B

@documentation("\u00g1")
string C
