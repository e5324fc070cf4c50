package io.cairn.template.lang.internal;

import io.cairn.go.lang.GoQuote;
import io.cairn.template.lang.GoFunc;
import io.cairn.template.lang.internal.Node.ActionNode;
import io.cairn.template.lang.internal.Node.BranchKind;
import io.cairn.template.lang.internal.Node.BranchNode;
import io.cairn.template.lang.internal.Node.ChainNode;
import io.cairn.template.lang.internal.Node.CommandNode;
import io.cairn.template.lang.internal.Node.FieldNode;
import io.cairn.template.lang.internal.Node.IdentifierNode;
import io.cairn.template.lang.internal.Node.ListNode;
import io.cairn.template.lang.internal.Node.PipeNode;
import io.cairn.template.lang.internal.Node.TemplateNode;
import io.cairn.template.lang.internal.Node.VariableNode;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Executes parse trees against data, following Go's exec.go: variable scoping, pipelines whose previous value
 * becomes the last argument, field chains, function calls and control structures. One instance per template
 * invocation; {@code {{template}}} creates a fresh one (no dynamic scoping).
 */
public final class Exec {
    static final int MAX_DEPTH = 100_000;
    /** Go's missingVal: "no pipeline value", as opposed to a nil value. */
    private static final Object MISSING = new Object();
    private static final RuntimeException BREAK = new RuntimeException("break", null, false, false) { };
    private static final RuntimeException CONTINUE = new RuntimeException("continue", null, false, false) { };

    private final TemplateSet set;
    private final Tree tree;
    private final Appendable out;
    private final int depth;
    private final Variables vars = new Variables();
    /**
     * Whether the current dot and the last field looked up hold Go's interface{}-typed values
     * (elements of lists and maps) rather than values a pipeline produced: Go reports "interface {}" as their type
     * in errors, and a nil one is a nil pointer rather than a missing value.
     */
    private boolean dotIface;
    private boolean lastIface;
    private Node node;

    private Exec(TemplateSet set, Tree tree, Appendable out, int depth, Object dot) {
        this.set = set;
        this.tree = tree;
        this.out = out;
        this.depth = depth;
        vars.push("$", dot, false);
    }

    /** Runs template {@code name} of {@code set}; errors come out as {@link TemplateFailure}. */
    public static void execute(TemplateSet set, String name, Object data, Appendable out) {
        Tree tree = set.tree(name);
        if (tree == null) {
            throw new TemplateFailure("template: " + name + ": " + GoQuote.quote(name)
                    + " is an incomplete or empty template", name, 0, -1, null);
        }
        try {
            new Exec(set, tree, out, 0, data).run(data);
        } catch (StackOverflowError e) {
            throw new TemplateFailure("template: " + name + ": exceeded maximum template depth (" + MAX_DEPTH + ")",
                    name, 0, -1, null);
        }
    }

    private void run(Object dot) {
        try {
            walk(dot, tree.root());
        } catch (ExecError e) {
            throw TemplateFailure.at(tree, node, e);
        }
    }

    // ---- statements ----

    private void write(String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new ExecError(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    private void walk(Object dot, Node n) {
        node = n;
        if (n instanceof ActionNode a) {
            Object val = evalPipeline(dot, a.pipe());
            if (a.pipe().decl().isEmpty()) {
                printValue(a, val);
            }
        } else if (n instanceof Node.TextNode t) {
            write(t.text());
        } else if (n instanceof ListNode l) {
            for (Node child : l.nodes()) {
                walk(dot, child);
            }
        } else if (n instanceof BranchNode b) {
            if (b.kind() == BranchKind.RANGE) {
                walkRange(dot, b);
            } else {
                walkIfOrWith(dot, b);
            }
        } else if (n instanceof TemplateNode t) {
            walkTemplate(dot, t);
        } else if (n instanceof Node.BreakNode) {
            throw BREAK;
        } else if (n instanceof Node.ContinueNode) {
            throw CONTINUE;
        } else {
            throw new ExecError("unknown node: " + n);
        }
    }

    private void printValue(Node n, Object val) {
        node = n;
        if (val instanceof GoFunc) {
            throw new ExecError("can't print " + n + " of type " + Values.typeName(val));
        }
        write(val == null ? "<no value>" : GoFmt.sprint(List.of(val)));
    }

    private void walkIfOrWith(Object dot, BranchNode b) {
        int mark = vars.mark();
        try {
            Object val = evalPipeline(dot, b.pipe());
            if (Values.isTrue(val)) {
                if (b.kind() == BranchKind.WITH) {
                    boolean saved = dotIface;
                    dotIface = false;
                    try {
                        walk(val, b.list());
                    } finally {
                        dotIface = saved;
                    }
                } else {
                    walk(dot, b.list());
                }
            } else if (b.elseList() != null) {
                walk(dot, b.elseList());
            }
        } finally {
            vars.pop(mark);
        }
    }

    private void walkRange(Object dot, BranchNode r) {
        node = r;
        int outer = vars.mark();
        try {
            Object val = evalPipeline(dot, r.pipe());
            int mark = vars.mark();
            boolean ran = false;
            try {
                switch (Values.kind(val)) {
                    case LIST -> {
                        List<Object> list = Values.asList(val);
                        boolean iface = Values.untypedElements(val);
                        for (int i = 0; i < list.size(); i++) {
                            ran = true;
                            oneIteration(r, (long) i, list.get(i), iface, mark);
                        }
                    }
                    case MAP -> {
                        Map<?, ?> m = (Map<?, ?>) val;
                        for (Object k : Values.sortedKeys(m)) {
                            ran = true;
                            oneIteration(r, k, m.get(k), true, mark);
                        }
                    }
                    case INT -> {
                        if (r.pipe().decl().size() > 1) {
                            throw new ExecError("can't use " + GoFmt.sprint(List.of(val))
                                    + " to iterate over more than one variable");
                        }
                        long n = Values.bigInt(val).longValueExact();
                        for (long i = 0; i < n; i++) {
                            ran = true;
                            oneIteration(r, i, i, false, mark);
                        }
                    }
                    case INVALID -> {
                        // nil ranges like an empty list: the else branch runs
                    }
                    default -> throw new ExecError("range can't iterate over " + GoFmt.sprint(List.of(val)));
                }
            } catch (RuntimeException e) {
                if (e != BREAK) {
                    throw e;
                }
                return;
            }
            if (!ran && r.elseList() != null) {
                walk(dot, r.elseList());
            }
        } finally {
            vars.pop(outer);
        }
    }

    private void oneIteration(BranchNode r, Object index, Object elem, boolean iface, int mark) {
        List<VariableNode> decl = r.pipe().decl();
        if (!decl.isEmpty()) {
            if (r.pipe().isAssign()) {
                vars.set(decl.get(0).ident().get(0), decl.size() > 1 ? index : elem, decl.size() <= 1 && iface);
            } else {
                vars.setTop(1, elem, iface);
            }
        }
        if (decl.size() > 1) {
            if (r.pipe().isAssign()) {
                vars.set(decl.get(1).ident().get(0), elem, iface);
            } else {
                vars.setTop(2, index, false);
            }
        }
        boolean saved = dotIface;
        dotIface = iface;
        try {
            walk(elem, r.list());
        } catch (RuntimeException e) {
            if (e != CONTINUE) {
                throw e;
            }
        } finally {
            dotIface = saved;
            vars.pop(mark);
        }
    }

    private void walkTemplate(Object dot, TemplateNode t) {
        node = t;
        Tree target = set.tree(t.name());
        if (target == null) {
            throw new ExecError("template " + GoQuote.quote(t.name()) + " not defined");
        }
        if (depth >= MAX_DEPTH) {
            throw new ExecError("exceeded maximum template depth (" + MAX_DEPTH + ")");
        }
        Object newDot = t.pipe() == null ? null : evalPipeline(dot, t.pipe());
        try {
            new Exec(set, target, out, depth + 1, newDot).run(newDot);
        } catch (StackOverflowError e) {
            // The Java stack runs out long before Go's depth limit; report it the way Go reports that limit.
            node = t;
            throw new ExecError("exceeded maximum template depth (" + MAX_DEPTH + ")");
        }
    }

    // ---- expressions ----

    private Object evalPipeline(Object dot, PipeNode pipe) {
        if (pipe == null) {
            return null;
        }
        node = pipe;
        Object value = MISSING;
        for (CommandNode cmd : pipe.cmds()) {
            value = evalCommand(dot, cmd, value);
        }
        for (VariableNode v : pipe.decl()) {
            if (pipe.isAssign()) {
                vars.set(v.ident().get(0), value, false);
            } else {
                vars.push(v.ident().get(0), value, false);
            }
        }
        return value;
    }

    private void notAFunction(List<Node> args, Object fin) {
        if (args.size() > 1 || fin != MISSING) {
            throw new ExecError("can't give argument to non-function " + args.get(0));
        }
    }

    private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
        Node first = cmd.args().get(0);
        if (first instanceof FieldNode f) {
            node = f;
            return evalFieldChain(dot, dot, dotIface, f, f.ident(), cmd.args(), fin);
        }
        if (first instanceof ChainNode c) {
            return evalChainNode(dot, c, cmd.args(), fin);
        }
        if (first instanceof IdentifierNode id) {
            return evalFunction(dot, id, cmd, cmd.args(), fin);
        }
        if (first instanceof PipeNode p) {
            notAFunction(cmd.args(), fin);
            return evalPipeline(dot, p);
        }
        if (first instanceof VariableNode v) {
            return evalVariableNode(dot, v, cmd.args(), fin);
        }
        node = first;
        notAFunction(cmd.args(), fin);
        if (first instanceof Node.BoolNode b) {
            return b.value();
        }
        if (first instanceof Node.DotNode) {
            return dot;
        }
        if (first instanceof Node.NilNode) {
            throw new ExecError("nil is not a command");
        }
        if (first instanceof Node.NumberNode n) {
            return GoNumbers.idealConstant(n);
        }
        if (first instanceof Node.StringNode s) {
            return s.text();
        }
        throw new ExecError("can't evaluate command " + GoQuote.quote(first.toString()));
    }

    private Object evalChainNode(Object dot, ChainNode chain, List<Node> args, Object fin) {
        node = chain;
        if (chain.node() instanceof Node.NilNode) {
            throw new ExecError("indirection through explicit nil in " + chain);
        }
        Object pipe = evalArg(dot, chain.node());
        return evalFieldChain(dot, pipe, false, chain, chain.field(), args, fin);
    }

    private Object evalVariableNode(Object dot, VariableNode v, List<Node> args, Object fin) {
        node = v;
        int i = vars.indexOf(v.ident().get(0));
        Object value = vars.value(i);
        if (v.ident().size() == 1) {
            notAFunction(args, fin);
            return value;
        }
        return evalFieldChain(dot, value, vars.isIface(i), v, v.ident().subList(1, v.ident().size()), args, fin);
    }

    private Object evalFieldChain(Object dot, Object receiver, boolean iface, Node n, List<String> ident,
            List<Node> args, Object fin) {
        int last = ident.size() - 1;
        for (int i = 0; i < last; i++) {
            receiver = evalField(dot, ident.get(i), n, List.of(n), MISSING, receiver, iface);
            iface = lastIface;
        }
        return evalField(dot, ident.get(last), n, args, fin, receiver, iface);
    }

    private Object evalField(Object dot, String fieldName, Node n, List<Node> args, Object fin, Object receiver,
            boolean iface) {
        lastIface = false;
        if (receiver == null && iface) {
            throw new ExecError("nil pointer evaluating interface {}." + fieldName);
        }
        if (receiver == null) {
            if (set.missingKeyError()) {
                throw new ExecError("nil data; no entry for key " + GoQuote.quote(fieldName));
            }
            return null;
        }
        boolean hasArgs = args.size() > 1 || fin != MISSING;
        if (receiver instanceof Map<?, ?> m) {
            boolean[] found = new boolean[1];
            Object value = Values.mapGet(m, fieldName, found);
            if (found[0]) {
                if (hasArgs) {
                    throw new ExecError(fieldName + " is not a method but has arguments");
                }
                lastIface = true;
                return value;
            }
            if (!JavaMembers.hasMethod(receiver, fieldName)) {
                if (hasArgs) {
                    throw new ExecError(fieldName + " is not a method but has arguments");
                }
                if (set.missingKeyError()) {
                    throw new ExecError("map has no entry for key " + GoQuote.quote(fieldName));
                }
                return null;
            }
        }
        if (JavaMembers.hasMethod(receiver, fieldName)) {
            List<Node> argNodes = args.size() > 1 ? args.subList(1, args.size()) : List.of();
            List<Object> argv = evalArgs(dot, argNodes, fin);
            try {
                Object result = JavaMembers.invoke(receiver, fieldName, argv);
                lastIface = JavaMembers.returnsObject(receiver, fieldName);
                return result;
            } catch (JavaMembers.ArgumentError e) {
                node = e.index < argNodes.size() ? argNodes.get(e.index) : n;
                throw e;
            } catch (InvocationTargetException e) {
                node = n;
                Throwable cause = e.getCause();
                throw new ExecError("error calling " + fieldName + ": " + message(cause), cause);
            }
        }
        boolean[] found = new boolean[1];
        Object value = JavaMembers.field(receiver, fieldName, found);
        if (found[0]) {
            if (hasArgs) {
                throw new ExecError(fieldName + " has arguments but cannot be invoked as function");
            }
            lastIface = JavaMembers.fieldIsObject(receiver, fieldName);
            return value;
        }
        throw new ExecError("can't evaluate field " + fieldName + " in type "
                + (iface ? "interface {}" : Values.typeName(receiver)));
    }

    private Object evalFunction(Object dot, IdentifierNode id, Node cmd, List<Node> args, Object fin) {
        node = id;
        String name = id.name();
        GoFunc user = set.funcs().get(name);
        if (user == null && !Builtins.NAMES.contains(name)) {
            throw new ExecError(GoQuote.quote(name) + " is not a defined function");
        }
        List<Node> argNodes = args.isEmpty() ? List.of() : args.subList(1, args.size());
        int given = argNodes.size() + (fin != MISSING ? 1 : 0);
        if (user == null) {
            int min = Builtins.minArgs(name);
            if (Builtins.variadic(name) ? given < min : given != min) {
                throw new ExecError("wrong number of args for " + name + ": want " + (Builtins.variadic(name)
                        ? "at least " : "") + min + " got " + given);
            }
            if (name.equals("and") || name.equals("or")) {
                return andOr(dot, name.equals("or"), argNodes, fin);
            }
        }
        List<Object> argv = evalArgs(dot, argNodes, fin);
        if (user == null && name.equals("printf") && !(argv.get(0) instanceof CharSequence)) {
            node = argNodes.isEmpty() ? id : argNodes.get(0);
            throw new ExecError(argv.get(0) == null ? "invalid value; expected string"
                    : argNodes.isEmpty() || !isConstant(argNodes.get(0))
                            ? "wrong type for value; expected string; got " + Values.typeName(argv.get(0))
                            : "expected string; found " + argNodes.get(0));
        }
        try {
            if (user != null) {
                return user.call(argv);
            }
            if (name.equals("call")) {
                String callee = argNodes.isEmpty() ? "" : argNodes.get(0).toString();
                return Builtins.callFunction(callee, argv.get(0), argv.subList(1, argv.size()));
            }
            return Builtins.call(name, argv);
        } catch (TemplateFailure | Error e) {
            throw e;
        } catch (Exception e) {
            node = cmd;
            throw new ExecError("error calling " + name + ": " + message(e), e);
        }
    }

    private static boolean isConstant(Node n) {
        return n instanceof Node.NumberNode || n instanceof Node.BoolNode || n instanceof Node.NilNode;
    }

    private static String message(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private Object andOr(Object dot, boolean isOr, List<Node> argNodes, Object fin) {
        Object v = null;
        for (Node a : argNodes) {
            v = evalArg(dot, a);
            if (Values.isTrue(v) == isOr) {
                return v;
            }
        }
        if (fin != MISSING) {
            v = fin;
        }
        return v;
    }

    private List<Object> evalArgs(Object dot, List<Node> argNodes, Object fin) {
        List<Object> argv = new ArrayList<>(argNodes.size() + 1);
        for (Node a : argNodes) {
            argv.add(evalArg(dot, a));
        }
        if (fin != MISSING) {
            argv.add(fin);
        }
        return argv;
    }

    private Object evalArg(Object dot, Node n) {
        node = n;
        if (n instanceof Node.DotNode) {
            return dot;
        }
        if (n instanceof Node.NilNode) {
            return null;
        }
        if (n instanceof FieldNode f) {
            return evalFieldChain(dot, dot, dotIface, f, f.ident(), List.of(n), MISSING);
        }
        if (n instanceof VariableNode v) {
            return evalVariableNode(dot, v, List.of(), MISSING);
        }
        if (n instanceof PipeNode p) {
            return evalPipeline(dot, p);
        }
        if (n instanceof IdentifierNode id) {
            return evalFunction(dot, id, id, List.of(), MISSING);
        }
        if (n instanceof ChainNode c) {
            return evalChainNode(dot, c, List.of(), MISSING);
        }
        if (n instanceof Node.BoolNode b) {
            return b.value();
        }
        if (n instanceof Node.NumberNode num) {
            return GoNumbers.idealConstant(num);
        }
        if (n instanceof Node.StringNode s) {
            return s.text();
        }
        throw new ExecError("can't handle " + n + " for arg");
    }
}
