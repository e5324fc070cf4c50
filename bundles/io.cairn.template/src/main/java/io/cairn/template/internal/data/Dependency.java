package io.cairn.template.internal.data;

/**
 * One data source a template uses, e.g. the healthy instances of service {@code prod.hopscotch}. Instances are
 * values: equal instances (by {@code equals}) stand for the same data and share one query, whichever templates
 * and call sites use them.
 */
public interface Dependency {

    /**
     * How consul-template names this dependency in its logs, e.g. {@code health.service(prod.hopscotch|passing)}
     * or {@code kv.block(app/config)}.
     */
    String describe();
}
