package io.cairn.template.lang.internal;

import io.cairn.go.lang.GoQuote;
import io.cairn.template.lang.internal.Node.BranchKind;
import io.cairn.template.lang.internal.Node.BranchNode;
import io.cairn.template.lang.internal.Node.CommandNode;
import io.cairn.template.lang.internal.Node.ListNode;
import io.cairn.template.lang.internal.Node.PipeNode;
import io.cairn.template.lang.internal.Node.VariableNode;
import io.cairn.template.lang.internal.Token.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Recursive-descent parser for one template text, following the grammar and error wording of Go's
 * text/template/parse. {@code {{define}}} and {@code {{block}}} bodies become trees of their own.
 */
public final class Parser {
    private final String parseName;
    private final String text;
    private final Predicate<String> hasFunction;
    private final List<Token> tokens;
    private final Map<String, Tree> treeSet = new LinkedHashMap<>();
    private int index;
    private Token current;
    private List<String> vars = new ArrayList<>();
    private int rangeDepth;
    private int actionLine;

    private Parser(String parseName, String text, String leftDelim, String rightDelim, Predicate<String> hasFunction) {
        this.parseName = parseName;
        this.text = text;
        this.hasFunction = hasFunction;
        this.tokens = new Lexer(text, leftDelim, rightDelim, !hasFunction.test("break"), !hasFunction.test("continue"))
                .lex();
    }

    /**
     * Parses {@code text} as template {@code name}; returns every tree it defines, the top-level one under
     * {@code name}, in definition order.
     */
    public static Map<String, Tree> parse(String name, String text, String leftDelim, String rightDelim,
            Predicate<String> hasFunction) {
        Parser p = new Parser(name, text, leftDelim, rightDelim, hasFunction);
        p.current = p.tokens.get(0);
        p.vars.add("$");
        ListNode root = p.parseTop();
        p.add(new Tree(name, name, text, root));
        return p.treeSet;
    }

    // ---- token access ----

    private Token next() {
        Token t = tokens.get(Math.min(index, tokens.size() - 1));
        index++;
        current = t;
        return t;
    }

    private void backup() {
        index--;
    }

    private Token peek() {
        Token t = next();
        backup();
        return t;
    }

    private Token nextNonSpace() {
        Token t;
        do {
            t = next();
        } while (t.kind() == Kind.SPACE);
        return t;
    }

    private Token peekNonSpace() {
        Token t = nextNonSpace();
        backup();
        return t;
    }

    private ParseError error(String message) {
        int line = current.line();
        int[] lc = new Tree(parseName, parseName, text, null).lineAndColumn(current.pos());
        return new ParseError("template: " + parseName + ":" + line + ": " + message, parseName, line, lc[1]);
    }

    /** Lexical errors surface here, when the parser reaches them, so earlier syntax errors win as in Go. */
    private ParseError unexpected(Token t, String context) {
        if (t.kind() == Kind.ERROR) {
            String extra = "";
            if (actionLine != 0 && actionLine != t.line()) {
                extra = " in action started at " + parseName + ":" + actionLine;
                if (t.val().endsWith(" action")) {
                    extra = extra.substring(" in action".length());
                }
            }
            return error(t.val() + extra);
        }
        return error("unexpected " + t + " in " + context);
    }

    private Token expect(Kind kind, String context) {
        Token t = nextNonSpace();
        if (t.kind() != kind) {
            throw unexpected(t, context);
        }
        return t;
    }

    // ---- structure ----

    private ListNode parseTop() {
        List<Node> nodes = new ArrayList<>();
        int pos = peek().pos();
        while (peek().kind() != Kind.EOF) {
            if (peek().kind() == Kind.LEFT_DELIM) {
                int mark = index;
                next();
                if (nextNonSpace().kind() == Kind.DEFINE) {
                    parseDefinition();
                    continue;
                }
                index = mark;
            }
            Node n = textOrAction();
            if (n instanceof Node.EndNode || n instanceof Node.ElseNode) {
                throw error("unexpected " + n);
            }
            nodes.add(n);
        }
        return new ListNode(pos, nodes);
    }

    private void parseDefinition() {
        String context = "define clause";
        Token nameToken = nextNonSpace();
        if (nameToken.kind() != Kind.STRING && nameToken.kind() != Kind.RAW_STRING) {
            throw unexpected(nameToken, context);
        }
        String name = unquote(nameToken);
        expect(Kind.RIGHT_DELIM, context);
        List<String> savedVars = vars;
        int savedDepth = rangeDepth;
        vars = new ArrayList<>(List.of("$"));
        rangeDepth = 0;
        Object[] listAndEnd = itemList();
        if (!(listAndEnd[1] instanceof Node.EndNode)) {
            throw error("unexpected " + listAndEnd[1] + " in " + context);
        }
        add(new Tree(name, parseName, text, (ListNode) listAndEnd[0]));
        vars = savedVars;
        rangeDepth = savedDepth;
    }

    private void add(Tree tree) {
        Tree old = treeSet.get(tree.name());
        if (old == null || old.isEmpty()) {
            treeSet.put(tree.name(), tree);
            return;
        }
        if (!tree.isEmpty()) {
            throw error("template: multiple definition of template " + GoQuote.quote(tree.name()));
        }
    }

    /** Returns {ListNode, terminating EndNode or ElseNode}. */
    private Object[] itemList() {
        List<Node> nodes = new ArrayList<>();
        int pos = peekNonSpace().pos();
        while (peekNonSpace().kind() != Kind.EOF) {
            Node n = textOrAction();
            if (n instanceof Node.EndNode || n instanceof Node.ElseNode) {
                return new Object[] {new ListNode(pos, nodes), n};
            }
            nodes.add(n);
        }
        throw error("unexpected EOF");
    }

    private Node textOrAction() {
        Token t = nextNonSpace();
        switch (t.kind()) {
            case TEXT:
                return new Node.TextNode(t.pos(), t.val());
            case LEFT_DELIM:
                int saved = actionLine;
                actionLine = t.line();
                try {
                    return action();
                } finally {
                    actionLine = saved;
                }
            default:
                throw unexpected(t, "input");
        }
    }

    private Node action() {
        Token t = nextNonSpace();
        switch (t.kind()) {
            case BLOCK:
                return blockControl();
            case BREAK:
                return breakOrContinue(t, "break");
            case CONTINUE:
                return breakOrContinue(t, "continue");
            case ELSE:
                return elseControl();
            case END:
                return new Node.EndNode(expect(Kind.RIGHT_DELIM, "end").pos());
            case IF:
                return control(BranchKind.IF, "if");
            case RANGE:
                return control(BranchKind.RANGE, "range");
            case TEMPLATE:
                return templateControl();
            case WITH:
                return control(BranchKind.WITH, "with");
            default:
                backup();
                int pos = peek().pos();
                return new Node.ActionNode(pos, pipeline("command", Kind.RIGHT_DELIM));
        }
    }

    private Node breakOrContinue(Token keyword, String word) {
        Token t = nextNonSpace();
        if (t.kind() != Kind.RIGHT_DELIM) {
            throw unexpected(t, "{{" + word + "}}");
        }
        if (rangeDepth == 0) {
            throw error("{{" + word + "}} outside {{range}}");
        }
        return word.equals("break") ? new Node.BreakNode(keyword.pos()) : new Node.ContinueNode(keyword.pos());
    }

    private Node elseControl() {
        Token p = peekNonSpace();
        if (p.kind() == Kind.IF || p.kind() == Kind.WITH) {
            // "else if"/"else with": leave the keyword for control() to pick up.
            return new Node.ElseNode(p.pos());
        }
        return new Node.ElseNode(expect(Kind.RIGHT_DELIM, "else").pos());
    }

    private BranchNode control(BranchKind kind, String context) {
        int mark = vars.size();
        try {
            PipeNode pipe = pipeline(context, Kind.RIGHT_DELIM);
            if (kind == BranchKind.RANGE) {
                rangeDepth++;
            }
            Object[] listAndNext = itemList();
            if (kind == BranchKind.RANGE) {
                rangeDepth--;
            }
            ListNode list = (ListNode) listAndNext[0];
            Node next = (Node) listAndNext[1];
            ListNode elseList = null;
            if (next instanceof Node.ElseNode) {
                if (kind == BranchKind.IF && peek().kind() == Kind.IF) {
                    next();
                    elseList = new ListNode(next.pos(), List.of(control(BranchKind.IF, "if")));
                } else if (kind == BranchKind.WITH && peek().kind() == Kind.WITH) {
                    next();
                    elseList = new ListNode(next.pos(), List.of(control(BranchKind.WITH, "with")));
                } else {
                    Object[] elseAndEnd = itemList();
                    elseList = (ListNode) elseAndEnd[0];
                    if (!(elseAndEnd[1] instanceof Node.EndNode)) {
                        throw error("expected end; found " + elseAndEnd[1]);
                    }
                }
            }
            return new BranchNode(kind, pipe.pos(), pipe, list, elseList);
        } finally {
            vars.subList(mark, vars.size()).clear();
        }
    }

    private Node templateControl() {
        String context = "template clause";
        Token t = nextNonSpace();
        String name = templateName(t, context);
        PipeNode pipe = null;
        if (nextNonSpace().kind() != Kind.RIGHT_DELIM) {
            backup();
            pipe = pipeline(context, Kind.RIGHT_DELIM);
        }
        return new Node.TemplateNode(t.pos(), name, pipe);
    }

    private Node blockControl() {
        String context = "block clause";
        Token t = nextNonSpace();
        String name = templateName(t, context);
        PipeNode pipe = pipeline(context, Kind.RIGHT_DELIM);
        List<String> savedVars = vars;
        int savedDepth = rangeDepth;
        vars = new ArrayList<>(List.of("$"));
        rangeDepth = 0;
        Object[] listAndEnd = itemList();
        if (!(listAndEnd[1] instanceof Node.EndNode)) {
            throw error("unexpected " + listAndEnd[1] + " in " + context);
        }
        add(new Tree(name, parseName, text, (ListNode) listAndEnd[0]));
        vars = savedVars;
        rangeDepth = savedDepth;
        return new Node.TemplateNode(t.pos(), name, pipe);
    }

    private String templateName(Token t, String context) {
        if (t.kind() != Kind.STRING && t.kind() != Kind.RAW_STRING) {
            throw unexpected(t, context);
        }
        return unquote(t);
    }

    /** The value of a string token, as {@code strconv.Unquote} gives it. */
    private String unquote(Token t) {
        try {
            return GoQuote.unquote(t.val());
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    // ---- pipelines ----

    private PipeNode pipeline(String context, Kind end) {
        int pos = peekNonSpace().pos();
        List<VariableNode> decl = new ArrayList<>();
        boolean isAssign = false;
        boolean more = true;
        while (more) {
            more = false;
            Token v = peekNonSpace();
            if (v.kind() != Kind.VARIABLE) {
                break;
            }
            int mark = index;
            nextNonSpace();
            Token n = peekNonSpace();
            if (n.kind() == Kind.ASSIGN || n.kind() == Kind.DECLARE) {
                isAssign = n.kind() == Kind.ASSIGN;
                nextNonSpace();
                decl.add(new VariableNode(v.pos(), List.of(v.val())));
                vars.add(v.val());
            } else if (n.kind() == Kind.CHAR && n.val().equals(",")) {
                nextNonSpace();
                decl.add(new VariableNode(v.pos(), List.of(v.val())));
                vars.add(v.val());
                if (context.equals("range") && decl.size() < 2) {
                    Kind k = peekNonSpace().kind();
                    if (k == Kind.VARIABLE || k == Kind.RIGHT_DELIM || k == Kind.RIGHT_PAREN) {
                        more = true;
                        continue;
                    }
                    throw error("range can only initialize variables");
                }
                throw error("too many declarations in " + context);
            } else {
                index = mark;
            }
        }
        List<CommandNode> cmds = new ArrayList<>();
        while (true) {
            Token t = nextNonSpace();
            if (t.kind() == end) {
                checkPipeline(cmds, context);
                return new PipeNode(pos, isAssign, List.copyOf(decl), List.copyOf(cmds));
            }
            switch (t.kind()) {
                case BOOL, CHAR_CONSTANT, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING, VARIABLE,
                        LEFT_PAREN -> {
                    backup();
                    cmds.add(command());
                }
                default -> throw unexpected(t, context);
            }
        }
    }

    private void checkPipeline(List<CommandNode> cmds, String context) {
        if (cmds.isEmpty()) {
            throw error("missing value for " + context);
        }
        for (int i = 1; i < cmds.size(); i++) {
            Node first = cmds.get(i).args().get(0);
            if (first instanceof Node.BoolNode || first instanceof Node.DotNode || first instanceof Node.NilNode
                    || first instanceof Node.NumberNode || first instanceof Node.StringNode) {
                throw error("non executable command in pipeline stage " + (i + 1));
            }
        }
    }

    private CommandNode command() {
        int pos = peekNonSpace().pos();
        List<Node> args = new ArrayList<>();
        while (true) {
            peekNonSpace();
            Node operand = operand();
            if (operand != null) {
                args.add(operand);
            }
            Token t = next();
            if (t.kind() == Kind.SPACE) {
                continue;
            }
            if (t.kind() == Kind.RIGHT_DELIM || t.kind() == Kind.RIGHT_PAREN) {
                backup();
            } else if (t.kind() != Kind.PIPE) {
                throw unexpected(t, "operand");
            }
            break;
        }
        if (args.isEmpty()) {
            throw error("empty command");
        }
        return new CommandNode(pos, List.copyOf(args));
    }

    private Node operand() {
        Node node = term();
        if (node == null) {
            return null;
        }
        if (peek().kind() == Kind.FIELD) {
            int pos = peek().pos();
            List<String> fields = new ArrayList<>();
            while (peek().kind() == Kind.FIELD) {
                fields.addAll(Arrays.asList(next().val().substring(1).split("\\.", -1)));
            }
            if (node instanceof Node.FieldNode f) {
                List<String> all = new ArrayList<>(f.ident());
                all.addAll(fields);
                return new Node.FieldNode(pos, List.copyOf(all));
            }
            if (node instanceof VariableNode v) {
                List<String> all = new ArrayList<>(v.ident());
                all.addAll(fields);
                return new VariableNode(pos, List.copyOf(all));
            }
            if (node instanceof Node.BoolNode || node instanceof Node.StringNode || node instanceof Node.NumberNode
                    || node instanceof Node.NilNode || node instanceof Node.DotNode) {
                throw error("unexpected . after term " + GoQuote.quote(node.toString()));
            }
            return new Node.ChainNode(pos, node, List.copyOf(fields));
        }
        return node;
    }

    private Node term() {
        Token t = nextNonSpace();
        switch (t.kind()) {
            case IDENTIFIER:
                if (!hasFunction.test(t.val())) {
                    throw error("function " + GoQuote.quote(t.val()) + " not defined");
                }
                return new Node.IdentifierNode(t.pos(), t.val());
            case DOT:
                return new Node.DotNode(t.pos());
            case NIL:
                return new Node.NilNode(t.pos());
            case VARIABLE:
                if (!vars.contains(t.val())) {
                    throw error("undefined variable " + GoQuote.quote(t.val()));
                }
                return new VariableNode(t.pos(), List.of(t.val()));
            case FIELD:
                return new Node.FieldNode(t.pos(), List.of(t.val().substring(1).split("\\.", -1)));
            case BOOL:
                return new Node.BoolNode(t.pos(), t.val().equals("true"));
            case CHAR_CONSTANT:
            case NUMBER:
                try {
                    return GoNumbers.parse(t.pos(), t.val(), t.kind() == Kind.CHAR_CONSTANT);
                } catch (IllegalArgumentException e) {
                    throw error(e.getMessage());
                }
            case LEFT_PAREN:
                return pipeline("parenthesized pipeline", Kind.RIGHT_PAREN);
            case STRING:
            case RAW_STRING:
                String s = unquote(t);
                return new Node.StringNode(t.pos(), t.val(), s);
            default:
                backup();
                return null;
        }
    }
}
