package plan

import "testing"

// TestFind walks structure fields, union variants and list and map
// elements, stops on cycles, and returns the first match in that order.
func TestFind(t *testing.T) {
	doc := &Type{Kind: DocumentKind}
	str := &Type{Kind: StringKind}
	node := &Type{Kind: StructKind, Struct: &Struct{Name: "Node"}}
	list := &Type{Kind: ListKind, Elem: node}
	node.Struct.Fields = []*Field{{Name: "Name", Type: str}, {Name: "Children", Type: list}}
	union := &Type{Kind: UnionKind, Union: &Union{Variants: []*Variant{{Field: &Field{Type: str}}, {Field: &Field{Type: doc}}}}}
	holder := &Type{Kind: MapKind, Elem: union}
	isDoc := func(t *Type) bool { return t.Kind == DocumentKind }

	if got := Find(node, isDoc); got != nil {
		t.Errorf("Find(recursive struct without a document) = %v, want nil", got)
	}
	if got := Find(holder, isDoc); got != doc {
		t.Errorf("Find(map of a union holding a document) = %v, want the document", got)
	}
	node.Struct.Fields = append(node.Struct.Fields, &Field{Name: "Extra", Type: holder})
	if got := Find(list, isDoc); got != doc {
		t.Errorf("Find(list of a struct reaching a document) = %v, want the document", got)
	}
	if got := Find(node, func(t *Type) bool { return t.Kind == StructKind || t.Kind == DocumentKind }); got != node {
		t.Errorf("Find matches the type itself first; got %v", got)
	}
	if got := Find(nil, isDoc); got != nil {
		t.Errorf("Find(nil) = %v", got)
	}
}
