package io.cairn.template.internal.config;

/** A config file or stanza the user must fix; the message names the file and field and says what is accepted. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
