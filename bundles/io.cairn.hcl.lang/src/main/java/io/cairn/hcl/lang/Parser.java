package io.cairn.hcl.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.cairn.hcl.lang.Node.Item;
import io.cairn.hcl.lang.Node.ListType;
import io.cairn.hcl.lang.Node.Literal;
import io.cairn.hcl.lang.Node.ObjectList;
import io.cairn.hcl.lang.Node.ObjectType;
import io.cairn.hcl.lang.Token.Kind;

/**
 * hcl v1's parser: what it accepts, the tree it builds and the error it reports, quirks included (an unfinished
 * {@code key =} at the end of input is dropped; an error on a closing brace inside an object is overlooked when
 * another brace follows; the last scanner error wins over a parse error). Nesting is bounded so hostile input gets
 * an error instead of exhausting the stack.
 */
final class Parser {
    private final Scanner scanner;
    private final int maxDepth;
    private Token tok;
    private boolean unscanned;
    private int depth;

    /** The input ended where an item could start: the end of an object list, not an error. */
    private static final class EndOfInput extends Exception {
        private static final long serialVersionUID = 1L;

        EndOfInput() {
            super(null, null, false, false);
        }
    }

    private Parser(String text, int maxDepth) {
        this.scanner = new Scanner(text.replace("\r\n", "\n"));
        this.maxDepth = maxDepth;
    }

    /** The items of {@code text}, nested at most {@code maxDepth} objects, lists and block labels deep. */
    static ObjectList parse(String text, int maxDepth) throws HclException {
        Parser parser = new Parser(text, maxDepth);
        List<Item> items = new ArrayList<>();
        HclException failure = null;
        try {
            parser.objectList(false, items);
        } catch (HclException e) {
            failure = e;
        }
        if (parser.scanner.lastError() != null) {
            throw parser.scanner.lastError();
        }
        if (failure != null) {
            throw failure;
        }
        return new ObjectList(items);
    }

    /** Adds items to {@code items} until the end of input or, inside an object, a closing brace. */
    private void objectList(boolean inObject, List<Item> items) throws HclException {
        while (true) {
            if (inObject) {
                Token next = scan();
                unscan();
                if (next.kind() == Kind.RBRACE) {
                    return;
                }
            }
            try {
                items.add(objectItem());
            } catch (EndOfInput e) {
                return;
            }
            // Items may be separated by commas.
            if (scan().kind() != Kind.COMMA) {
                unscan();
            }
        }
    }

    private Item objectItem() throws HclException, EndOfInput {
        List<Token> keys = new ArrayList<>();
        try {
            objectKeys(keys);
        } catch (EndOfInput e) {
            if (keys.isEmpty()) {
                throw e;
            }
        } catch (HclException e) {
            if (keys.isEmpty() || tok.kind() != Kind.RBRACE) {
                throw e;
            }
            // Keys without a value before a closing brace: report the missing value instead.
            tok = new Token(Kind.EOF, tok.pos(), tok.text());
        }
        int labels = keys.size() - 1;
        depth += labels;
        try {
            return switch (tok.kind()) {
                case ASSIGN -> new Item(keys, value());
                case LBRACE -> new Item(keys, objectType());
                default -> throw tok.pos().error("key '" + keys.stream().map(Token::text)
                        .collect(Collectors.joining(" ")) + "' expected start of object ('{') or assignment ('=')");
            };
        } finally {
            depth -= labels;
        }
    }

    private void objectKeys(List<Token> keys) throws HclException, EndOfInput {
        while (true) {
            Token key = scan();
            switch (key.kind()) {
                case EOF -> throw new EndOfInput();
                case ASSIGN -> {
                    if (keys.size() > 1) {
                        throw key.pos().error("nested object expected: LBRACE got: ASSIGN");
                    }
                    if (keys.isEmpty()) {
                        throw key.pos().error("no object keys found!");
                    }
                    return;
                }
                case LBRACE -> {
                    if (keys.isEmpty()) {
                        throw key.pos().error("expected: IDENT | STRING got: LBRACE");
                    }
                    return;
                }
                case IDENT, STRING -> keys.add(key);
                case ILLEGAL -> throw key.pos().error("illegal character");
                default -> throw key.pos().error("expected: IDENT | STRING | ASSIGN | LBRACE got: " + key.kind());
            }
        }
    }

    /** The value after {@code =}. */
    private Node value() throws HclException, EndOfInput {
        Token first = scan();
        if (first.kind().isLiteral()) {
            return new Literal(first);
        }
        return switch (first.kind()) {
            case LBRACE -> objectType();
            case LBRACK -> listType();
            case EOF -> throw new EndOfInput();
            default -> throw first.pos().error("Unknown token: " + first.describe());
        };
    }

    /** An object whose opening brace is the current token. */
    private ObjectType objectType() throws HclException {
        Position lbrace = tok.pos();
        try {
            enter(lbrace);
            List<Item> items = new ArrayList<>();
            try {
                objectList(true, items);
            } catch (HclException e) {
                if (tok.kind() != Kind.RBRACE) {
                    throw e;
                }
            }
            Token close = scan();
            if (close.kind() != Kind.RBRACE) {
                throw close.pos().error("object expected closing RBRACE got: " + close.kind());
            }
            return new ObjectType(lbrace, new ObjectList(items));
        } finally {
            depth--;
        }
    }

    /** A list whose opening bracket is the current token. */
    private ListType listType() throws HclException {
        Position lbrack = tok.pos();
        try {
            enter(lbrack);
            List<Node> elements = new ArrayList<>();
            boolean needComma = false;
            while (true) {
                Token next = scan();
                if (needComma && next.kind() != Kind.COMMA && next.kind() != Kind.RBRACK) {
                    throw next.pos().error("error parsing list, expected comma or list end, got: " + next.kind());
                }
                switch (next.kind()) {
                    case BOOL, NUMBER, FLOAT, STRING, HEREDOC -> {
                        elements.add(new Literal(next));
                        needComma = true;
                    }
                    case COMMA -> needComma = false;
                    case LBRACE -> {
                        try {
                            elements.add(objectType());
                        } catch (HclException e) {
                            throw next.pos().error("error while trying to parse object within list: " + e.getMessage());
                        }
                        needComma = true;
                    }
                    case LBRACK -> {
                        // hcl v1 asks for no comma after a nested list.
                        try {
                            elements.add(listType());
                        } catch (HclException e) {
                            throw next.pos().error("error while trying to parse list within list: " + e.getMessage());
                        }
                    }
                    case RBRACK -> {
                        return new ListType(lbrack, elements);
                    }
                    default -> throw next.pos().error("unexpected token while parsing list: " + next.kind());
                }
            }
        } finally {
            depth--;
        }
    }

    /** Counts one more level of nesting (the caller counts it back out), refusing more than the maximum. */
    private void enter(Position at) throws HclException {
        if (++depth > maxDepth) {
            throw at.error("nesting deeper than " + maxDepth + " levels");
        }
    }

    /** The next token that is not a comment, or the one put back. */
    private Token scan() {
        if (unscanned) {
            unscanned = false;
            return tok;
        }
        do {
            tok = scanner.scan();
        } while (tok.kind() == Kind.COMMENT);
        return tok;
    }

    private void unscan() {
        unscanned = true;
    }
}
