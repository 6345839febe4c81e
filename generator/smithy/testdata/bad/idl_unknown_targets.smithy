$version: "2"
namespace com.example

structure Widget {
    part: Part
    color: smithy.api#Colour
}

operation GetWidget {
    input: GetWidgetInput
    errors: [NotFound]
}
