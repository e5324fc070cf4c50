package io.cairn.template.lang.internal;

import io.cairn.go.lang.GoQuote;

/** An execution error with its final Go-style message and location; the API turns it into TemplateException. */
public final class TemplateFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String templateName;
    private final int line;
    private final int column;

    TemplateFailure(String message, String templateName, int line, int column, Throwable cause) {
        super(message, cause, false, false);
        this.templateName = templateName;
        this.line = line;
        this.column = column;
    }

    /**
     * Places an execution error as Go does: {@code template: PARSENAME:LINE:COL: executing "NAME" at <NODE>: MSG},
     * or {@code template: NAME: MSG} when no node was being evaluated.
     */
    static TemplateFailure at(Tree tree, Node node, ExecError e) {
        if (node == null) {
            return new TemplateFailure("template: " + tree.name() + ": " + e.getMessage(), tree.name(), 0, -1,
                    e.getCause());
        }
        int[] lc = tree.lineAndColumn(node.pos());
        String msg = "template: " + tree.parseName() + ":" + lc[0] + ":" + lc[1] + ": executing "
                + GoQuote.quote(tree.name()) + " at <" + node + ">: " + e.getMessage();
        return new TemplateFailure(msg, tree.name(), lc[0], lc[1], e.getCause());
    }

    public String templateName() {
        return templateName;
    }

    /** 1-based line, 0 when the error has no position. */
    public int line() {
        return line;
    }

    /** 0-based byte column as Go prints it, -1 when the error has no position. */
    public int column() {
        return column;
    }
}
