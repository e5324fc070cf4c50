package io.cairn.hcl.lang;

import java.util.List;

/** The syntax tree hcl v1's parser builds, which its decoder then walks. */
sealed interface Node {
    /** Where hcl v1 places the node in its errors ({@link Position#UNKNOWN} where it has none). */
    Position pos();

    /** The Go type hcl v1's errors name for the node ({@code %T}). */
    String goType();

    /** A number, bool, string or heredoc. */
    record Literal(Token token) implements Node {
        @Override
        public Position pos() {
            return token.pos();
        }

        @Override
        public String goType() {
            return "*ast.LiteralType";
        }
    }

    /** {@code [ ... ]}. */
    record ListType(Position pos, List<Node> elements) implements Node {
        @Override
        public String goType() {
            return "*ast.ListType";
        }
    }

    /** {@code { ... }}. */
    record ObjectType(Position pos, ObjectList list) implements Node {
        @Override
        public String goType() {
            return "*ast.ObjectType";
        }
    }

    /** The items of a file or of an object. */
    record ObjectList(List<Item> items) implements Node {
        @Override
        public Position pos() {
            return items.isEmpty() ? Position.UNKNOWN : items.get(0).pos();
        }

        @Override
        public String goType() {
            return "*ast.ObjectList";
        }
    }

    /** {@code key = value} or {@code key "label" ... { ... }}: the keys (raw tokens) and the value. */
    record Item(List<Token> keys, Node value) implements Node {
        @Override
        public Position pos() {
            return keys.isEmpty() ? Position.UNKNOWN : keys.get(0).pos();
        }

        @Override
        public String goType() {
            return "*ast.ObjectItem";
        }
    }
}
