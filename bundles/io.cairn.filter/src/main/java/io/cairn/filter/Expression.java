package io.cairn.filter;

import java.util.List;

/** The syntax tree of a filter expression, as go-bexpr's grammar builds it. */
sealed interface Expression {
    /** {@code left and right} / {@code left or right}. */
    record Binary(boolean and, Expression left, Expression right) implements Expression {
    }

    /** {@code not operand}. */
    record Not(Expression operand) implements Expression {
    }

    /** A selector, an operator and, except for the emptiness tests, the raw (unquoted) value. */
    record Match(List<String> selector, Operator operator, String value) implements Expression {
        String selectorText() {
            return String.join(".", selector);
        }
    }

    /** The match operators; {@code contains} parses as {@link #IN}. The names are go-bexpr's. */
    enum Operator {
        EQUAL("Equal"), NOT_EQUAL("Not Equal"), IN("In"), NOT_IN("Not In"), IS_EMPTY("Is Empty"),
        IS_NOT_EMPTY("Is Not Empty"), MATCHES("Matches"), NOT_MATCHES("Not Matches");

        final String goName;

        Operator(String goName) {
            this.goName = goName;
        }
    }
}
