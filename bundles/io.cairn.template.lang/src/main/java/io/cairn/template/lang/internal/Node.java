package io.cairn.template.lang.internal;

import io.cairn.go.lang.GoQuote;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The parse tree. Every node knows its offset in the template text (for "name:line:col" in execution errors) and
 * prints itself the way Go's parse nodes do, since execution errors quote the node ("at <.X.Y>").
 */
sealed interface Node {
    int pos();

    record ListNode(int pos, List<Node> nodes) implements Node {
        @Override
        public String toString() {
            return nodes.stream().map(Object::toString).collect(Collectors.joining());
        }
    }

    record TextNode(int pos, String text) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    record ActionNode(int pos, PipeNode pipe) implements Node {
        @Override
        public String toString() {
            return "{{" + pipe + "}}";
        }
    }

    record PipeNode(int pos, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds) implements Node {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            if (!decl.isEmpty()) {
                b.append(decl.stream().map(Object::toString).collect(Collectors.joining(", ")));
                b.append(isAssign ? " = " : " := ");
            }
            b.append(cmds.stream().map(Object::toString).collect(Collectors.joining(" | ")));
            return b.toString();
        }
    }

    record CommandNode(int pos, List<Node> args) implements Node {
        @Override
        public String toString() {
            return args.stream().map(a -> a instanceof PipeNode ? "(" + a + ")" : a.toString())
                    .collect(Collectors.joining(" "));
        }
    }

    record IdentifierNode(int pos, String name) implements Node {
        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code $x} or {@code $x.Field.Chain}; ident[0] is the variable name including the dollar. */
    record VariableNode(int pos, List<String> ident) implements Node {
        @Override
        public String toString() {
            return String.join(".", ident);
        }
    }

    record DotNode(int pos) implements Node {
        @Override
        public String toString() {
            return ".";
        }
    }

    record NilNode(int pos) implements Node {
        @Override
        public String toString() {
            return "nil";
        }
    }

    record FieldNode(int pos, List<String> ident) implements Node {
        @Override
        public String toString() {
            return ident.stream().map(s -> "." + s).collect(Collectors.joining());
        }
    }

    /** A term followed by field accesses, such as {@code (index .M "k").Name}. */
    record ChainNode(int pos, Node node, List<String> field) implements Node {
        @Override
        public String toString() {
            String s = node instanceof PipeNode ? "(" + node + ")" : node.toString();
            return s + field.stream().map(f -> "." + f).collect(Collectors.joining());
        }
    }

    record BoolNode(int pos, boolean value) implements Node {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /**
     * A numeric constant with every interpretation that fits, as Go keeps them: an untyped constant becomes int,
     * or float64 when written with a fraction or exponent.
     */
    record NumberNode(int pos, String text, boolean isInt, boolean isUint, boolean isFloat, long intValue,
            BigInteger uintValue, double floatValue) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    record StringNode(int pos, String quoted, String text) implements Node {
        @Override
        public String toString() {
            return quoted;
        }
    }

    enum BranchKind { IF, RANGE, WITH }

    record BranchNode(BranchKind kind, int pos, PipeNode pipe, ListNode list, ListNode elseList) implements Node {
        @Override
        public String toString() {
            String name = kind.name().toLowerCase();
            String s = "{{" + name + " " + pipe + "}}" + list;
            if (elseList != null) {
                s += "{{else}}" + elseList;
            }
            return s + "{{end}}";
        }
    }

    record BreakNode(int pos) implements Node {
        @Override
        public String toString() {
            return "{{break}}";
        }
    }

    record ContinueNode(int pos) implements Node {
        @Override
        public String toString() {
            return "{{continue}}";
        }
    }

    record TemplateNode(int pos, String name, PipeNode pipe) implements Node {
        @Override
        public String toString() {
            return pipe == null ? "{{template " + GoQuote.quote(name) + "}}"
                    : "{{template " + GoQuote.quote(name) + " " + pipe + "}}";
        }
    }

    /** Parser-internal markers returned by the item list reader. */
    record EndNode(int pos) implements Node {
        @Override
        public String toString() {
            return "{{end}}";
        }
    }

    record ElseNode(int pos) implements Node {
        @Override
        public String toString() {
            return "{{else}}";
        }
    }
}
