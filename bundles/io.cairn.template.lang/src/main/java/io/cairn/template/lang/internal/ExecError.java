package io.cairn.template.lang.internal;

/**
 * An execution failure before it is placed: the evaluator adds "template: name:line:col: executing ..." using the
 * node it was evaluating when this was thrown.
 */
class ExecError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExecError(String message) {
        super(message, null, false, false);
    }

    ExecError(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
