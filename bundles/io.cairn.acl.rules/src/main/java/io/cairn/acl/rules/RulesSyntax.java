package io.cairn.acl.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Decodes rules text into the generic tree {@link PolicyRules#fromTree} reads: maps with string keys, lists, and
 * scalars. HCL 1 decodes both its own syntax and JSON into such a tree, so an HCL decoder plugs in here as a
 * method reference; {@link #JSON} reads JSON rules only.
 */
@FunctionalInterface
public interface RulesSyntax {

    /** JSON rules ({@code {"key_prefix": {"": {"policy": "read"}}}}), decoded with Jackson. */
    RulesSyntax JSON = new RulesSyntax() {
        private final ObjectMapper mapper = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

        @Override
        public Object decode(String text) throws RulesException {
            try {
                return mapper.readValue(text, Object.class);
            } catch (JsonProcessingException e) {
                throw new RulesException(e.getOriginalMessage());
            }
        }
    };

    /**
     * The tree of {@code text}.
     *
     * @throws Exception when the text is not in this syntax; its message follows Consul's
     *                   {@code Failed to parse ACL rules: } prefix
     */
    Object decode(String text) throws Exception;
}
