package io.cairn.acl.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.hcl.lang.Hcl;

/**
 * Decodes rules text into the generic tree {@link PolicyRules#fromTree} reads: maps with string keys, lists, and
 * scalars. {@link #CONSUL} reads what Consul's policies hold, HCL 1 or JSON; {@link #JSON} reads JSON only.
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
     * Consul's policy rules: JSON when the text starts with <code>{</code> (as hcl v1 tells its two syntaxes apart),
     * HCL 1 otherwise, its blocks decoded to the shape the equivalent JSON has.
     */
    RulesSyntax CONSUL = text -> text.stripLeading().startsWith("{") ? JSON.decode(text)
            : Hcl.flattenBlocks(Hcl.parse(text));

    /**
     * The tree of {@code text}.
     *
     * @throws Exception when the text is not in this syntax; its message follows Consul's
     *                   {@code Failed to parse ACL rules: } prefix
     */
    Object decode(String text) throws Exception;
}
