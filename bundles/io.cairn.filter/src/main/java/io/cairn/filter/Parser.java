package io.cairn.filter;

import io.cairn.filter.Expression.Binary;
import io.cairn.filter.Expression.Match;
import io.cairn.filter.Expression.Not;
import io.cairn.filter.Expression.Operator;

import io.cairn.go.lang.GoQuote;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A backtracking parser for go-bexpr's PEG grammar (the version whose evaluator validates against a type),
 * reporting errors the way its pigeon-generated parser does: {@code line:col (offset): rule <name>: <message>} for
 * the grammar's own errors, else {@code line:col (offset): no match found, expected: ...} at the farthest position
 * any terminal failed, listing those terminals. Not thread-safe; one instance per parse.
 */
final class Parser {
    private static final String WS = "[ \\t\\r\\n]";

    private final String in;
    private int pos;
    private int maxFailPos = -1;
    private final Set<String> expected = new LinkedHashSet<>();
    private boolean inverted;
    private final Deque<String> rules = new ArrayDeque<>();
    private final Set<String> errors = new LinkedHashSet<>();

    private Parser(String in) {
        this.in = in;
    }

    /** Parses {@code text}; the exception's message is pigeon's error text (without Consul's prefix). */
    static Expression parse(String text) throws FilterException {
        Parser p = new Parser(text);
        Expression result = p.input();
        if (!p.errors.isEmpty()) {
            throw new FilterException(String.join("\n", p.errors));
        }
        if (result == null) {
            throw new FilterException(p.position(p.maxFailPos) + ": no match found, expected: " + p.expectedList());
        }
        return result;
    }

    // ---- grammar rules -------------------------------------------------------------------------------------

    private Expression input() {
        int start = pos;
        ws();
        if (lit("(")) {
            ws();
            Expression e = or();
            if (e != null) {
                ws();
                if (lit(")")) {
                    ws();
                    if (eof()) {
                        return e;
                    }
                }
            }
        }
        pos = start;
        ws();
        Expression e = or();
        if (e != null) {
            ws();
            if (eof()) {
                return e;
            }
        }
        pos = start;
        return null;
    }

    private Expression or() {
        int start = pos;
        Expression left = and();
        if (left != null && ws1() && lit("or") && ws1()) {
            Expression right = or();
            if (right != null) {
                return new Binary(false, left, right);
            }
        }
        pos = start;
        return and();
    }

    private Expression and() {
        int start = pos;
        Expression left = not();
        if (left != null && ws1() && lit("and") && ws1()) {
            Expression right = and();
            if (right != null) {
                return new Binary(true, left, right);
            }
        }
        pos = start;
        return not();
    }

    private Expression not() {
        int start = pos;
        if (lit("not") && ws1()) {
            Expression e = not();
            if (e != null) {
                return e instanceof Not n ? n.operand() : new Not(e);
            }
        }
        pos = start;
        return grouping();
    }

    private Expression grouping() {
        rules.push("grouping");
        try {
            int start = pos;
            if (lit("(")) {
                ws();
                Expression e = or();
                if (e != null) {
                    ws();
                    if (lit(")")) {
                        return e;
                    }
                }
            }
            pos = start;
            Expression m = match();
            if (m != null) {
                return m;
            }
            pos = start;
            if (lit("(")) {
                ws();
                if (or() != null) {
                    ws();
                    if (notAhead(() -> lit(")"))) {
                        error("Unmatched parentheses");
                    }
                }
            }
            pos = start;
            return null;
        } finally {
            rules.pop();
        }
    }

    private Expression match() {
        rules.push("match");
        try {
            int start = pos;
            Expression e = selectorOpValue();
            if (e == null) {
                pos = start;
                e = selectorOp();
            }
            if (e == null) {
                pos = start;
                e = valueOpSelector();
            }
            if (e == null) {
                pos = start;
            }
            return e;
        } finally {
            rules.pop();
        }
    }

    private Expression selectorOpValue() {
        rules.push("match");
        try {
            List<String> selector = selector();
            if (selector == null) {
                return null;
            }
            Operator op = firstOperator(Operator.EQUAL, Operator.NOT_EQUAL, Operator.IN, Operator.NOT_IN,
                    Operator.MATCHES, Operator.NOT_MATCHES);
            if (op == null) {
                return null;
            }
            String value = value();
            return value == null ? null : new Match(selector, op, value);
        } finally {
            rules.pop();
        }
    }

    private Expression selectorOp() {
        rules.push("match");
        try {
            List<String> selector = selector();
            if (selector == null) {
                return null;
            }
            Operator op = firstOperator(Operator.IS_EMPTY, Operator.IS_NOT_EMPTY);
            return op == null ? null : new Match(selector, op, null);
        } finally {
            rules.pop();
        }
    }

    private Expression valueOpSelector() {
        rules.push("match");
        try {
            int start = pos;
            String value = value();
            if (value != null) {
                Operator op = valueOperator();
                if (op != null) {
                    List<String> selector = selector();
                    if (selector != null) {
                        return new Match(selector, op, value);
                    }
                }
            }
            pos = start;
            if (value() != null && valueOperator() != null && notAhead(() -> selector() != null)) {
                error("Invalid selector");
            }
            pos = start;
            return null;
        } finally {
            rules.pop();
        }
    }

    /** The operators after a selector: {@code contains} is In, {@code not contains} Not In. */
    private Operator firstOperator(Operator... candidates) {
        for (Operator op : candidates) {
            int start = pos;
            if (operator(op, op == Operator.IN ? "contains" : op == Operator.NOT_IN ? "contains" : null)) {
                return op;
            }
            pos = start;
        }
        return null;
    }

    private Operator valueOperator() {
        int start = pos;
        if (operator(Operator.IN, "in")) {
            return Operator.IN;
        }
        pos = start;
        if (operator(Operator.NOT_IN, "in")) {
            return Operator.NOT_IN;
        }
        pos = start;
        return null;
    }

    /** One operator's tokens; {@code word} is the keyword of In/Not In ({@code in} or {@code contains}). */
    private boolean operator(Operator op, String word) {
        return switch (op) {
            case EQUAL -> optWs() && lit("==") && optWs();
            case NOT_EQUAL -> optWs() && lit("!=") && optWs();
            case IS_EMPTY -> ws1() && lit("is") && ws1() && lit("empty");
            case IS_NOT_EMPTY -> ws1() && lit("is") && ws1() && lit("not") && ws1() && lit("empty");
            case IN -> ws1() && lit(word) && ws1();
            case NOT_IN -> ws1() && lit("not") && ws1() && lit(word) && ws1();
            case MATCHES -> ws1() && lit("matches") && ws1();
            case NOT_MATCHES -> ws1() && lit("not") && ws1() && lit("matches") && ws1();
        };
    }

    private List<String> selector() {
        rules.push("selector");
        try {
            int start = pos;
            String first = identifier();
            if (first == null) {
                pos = start;
                return null;
            }
            List<String> path = new ArrayList<>();
            path.add(first);
            while (true) {
                int at = pos;
                String next = selectorOrIndex();
                if (next == null) {
                    pos = at;
                    return path;
                }
                path.add(next);
            }
        } finally {
            rules.pop();
        }
    }

    private String identifier() {
        int start = pos;
        if (!cls("[a-zA-Z]", Parser::isLetter)) {
            return null;
        }
        while (cls("[a-zA-Z0-9_]", c -> isLetter(c) || (c >= '0' && c <= '9') || c == '_')) {
            // consumed
        }
        return in.substring(start, pos);
    }

    private String selectorOrIndex() {
        int start = pos;
        if (lit(".")) {
            String ident = identifier();
            if (ident != null) {
                return ident;
            }
        }
        pos = start;
        return index();
    }

    private String index() {
        rules.push("index");
        try {
            int start = pos;
            if (lit("[")) {
                ws();
                String literal = stringLiteral();
                if (literal != null) {
                    ws();
                    if (lit("]")) {
                        return literal;
                    }
                }
            }
            pos = start;
            if (lit("[")) {
                ws();
                if (notAhead(() -> stringLiteral() != null)) {
                    error("Invalid index");
                }
            }
            pos = start;
            if (lit("[")) {
                ws();
                if (stringLiteral() != null) {
                    ws();
                    if (notAhead(() -> lit("]"))) {
                        error("Unclosed index expression");
                    }
                }
            }
            pos = start;
            return null;
        } finally {
            rules.pop();
        }
    }

    private String value() {
        rules.push("value");
        try {
            int start = pos;
            List<String> selector = selector();
            if (selector != null) {
                return String.join(".", selector);
            }
            pos = start;
            String number = number();
            if (number != null) {
                return number;
            }
            pos = start;
            String string = stringLiteral();
            if (string == null) {
                pos = start;
            }
            return string;
        } finally {
            rules.pop();
        }
    }

    private String number() {
        rules.push("number");
        try {
            int start = pos;
            lit("-");
            if (integerOrFloat() && andAhead(this::afterNumber)) {
                return in.substring(start, pos);
            }
            pos = start;
            lit("-");
            if (integerOrFloat() && notAhead(this::afterNumber)) {
                error("Invalid number literal");
            }
            pos = start;
            return null;
        } finally {
            rules.pop();
        }
    }

    private boolean afterNumber() {
        int start = pos;
        if (ws1()) {
            pos = start;
            return true;
        }
        if (eof()) {
            return true;
        }
        boolean paren = lit(")");
        pos = start;
        return paren;
    }

    private boolean integerOrFloat() {
        if (!lit("0")) {
            if (!cls("[1-9]", c -> c >= '1' && c <= '9')) {
                return false;
            }
            while (cls("[0-9]", Parser::isDigit)) {
                // consumed
            }
        }
        int beforeFraction = pos;
        if (lit(".") && cls("[0-9]", Parser::isDigit)) {
            while (cls("[0-9]", Parser::isDigit)) {
                // consumed
            }
        } else {
            pos = beforeFraction;
        }
        return true;
    }

    private String stringLiteral() {
        rules.push("string");
        try {
            int start = pos;
            if (quoted('`') || quoted('"')) {
                String text = in.substring(start, pos);
                try {
                    return GoQuote.unquote(text);
                } catch (IllegalArgumentException e) {
                    errorAt(start, e.getMessage());
                    return "";
                }
            }
            pos = start;
            if (lit("`") || lit("\"")) {
                char quote = in.charAt(start);
                while (quoteChar(quote)) {
                    // consumed
                }
                if (eof()) {
                    error("Unterminated string literal");
                }
            }
            pos = start;
            return null;
        } finally {
            rules.pop();
        }
    }

    private boolean quoted(char quote) {
        int start = pos;
        if (!lit(String.valueOf(quote))) {
            return false;
        }
        while (quoteChar(quote)) {
            // consumed
        }
        if (lit(String.valueOf(quote))) {
            return true;
        }
        pos = start;
        return false;
    }

    /** {@code !quote .}: one character that is not the closing quote. */
    private boolean quoteChar(char quote) {
        if (!notAhead(() -> lit(String.valueOf(quote)))) {
            return false;
        }
        return any();
    }

    // ---- terminals and predicates --------------------------------------------------------------------------

    private boolean ws() {
        return ws1() || true;
    }

    private boolean optWs() {
        return ws();
    }

    private boolean ws1() {
        if (!cls(WS, c -> c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
            return false;
        }
        while (cls(WS, c -> c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
            // consumed
        }
        return true;
    }

    private boolean lit(String s) {
        boolean ok = in.startsWith(s, pos);
        fail(ok, pos, GoQuote.quote(s));
        if (ok) {
            pos += s.length();
        }
        return ok;
    }

    private boolean cls(String name, CharTest test) {
        boolean ok = pos < in.length() && test.test(in.codePointAt(pos));
        fail(ok, pos, name);
        if (ok) {
            pos += Character.charCount(in.codePointAt(pos));
        }
        return ok;
    }

    private boolean any() {
        boolean ok = pos < in.length();
        fail(ok, pos, ".");
        if (ok) {
            pos += Character.charCount(in.codePointAt(pos));
        }
        return ok;
    }

    private boolean eof() {
        return notAhead(this::any);
    }

    private boolean notAhead(Rule rule) {
        int start = pos;
        inverted = !inverted;
        boolean matched = rule.run();
        inverted = !inverted;
        pos = start;
        return !matched;
    }

    private boolean andAhead(Rule rule) {
        int start = pos;
        boolean matched = rule.run();
        pos = start;
        return matched;
    }

    /** Pigeon's bookkeeping of the farthest failure: outside a not-predicate failures count, inside successes. */
    private void fail(boolean matched, int at, String want) {
        if (matched != inverted) {
            return;
        }
        if (at < maxFailPos) {
            return;
        }
        if (at > maxFailPos) {
            maxFailPos = at;
            expected.clear();
        }
        expected.add(inverted ? "!" + want : want);
    }

    private void error(String message) {
        errorAt(pos, message);
    }

    private void errorAt(int at, String message) {
        String rule = rules.isEmpty() ? "" : ": rule " + rules.peek();
        errors.add(position(at) + rule + ": " + message);
    }

    private String expectedList() {
        boolean eof = false;
        List<String> list = new ArrayList<>();
        for (String want : new TreeSet<>(expected)) {
            if (want.equals("!.")) {
                eof = true;
            } else {
                list.add(want);
            }
        }
        if (eof) {
            list.add("EOF");
        }
        if (list.size() <= 1) {
            return String.join("", list);
        }
        return String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
    }

    /** Pigeon's position: 1-based line, rune column, byte offset. */
    private String position(int at) {
        int line = 1;
        int col = 0;
        for (int i = 0; i < at; i += Character.charCount(in.codePointAt(i))) {
            col++;
            if (in.charAt(i) == '\n') {
                line++;
                col = 0;
            }
        }
        col++;
        int offset = in.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
        return line + ":" + col + " (" + offset + ")";
    }

    private static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private interface Rule {
        boolean run();
    }

    private interface CharTest {
        boolean test(int codePoint);
    }
}
