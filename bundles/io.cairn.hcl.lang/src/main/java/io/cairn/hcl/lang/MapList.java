package io.cairn.hcl.lang;

import java.util.ArrayList;

/**
 * A list that hcl v1 decodes as {@code []map[string]interface{}}: the values of a block or object key, one map per
 * definition. {@link Hcl#flattenBlocks} recognises blocks by this type; to every other reader it is a plain list.
 */
final class MapList extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;
}
