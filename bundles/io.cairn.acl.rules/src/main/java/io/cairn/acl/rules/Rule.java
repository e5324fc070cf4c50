package io.cairn.acl.rules;

/**
 * One named rule of a section, as written.
 *
 * @param name       the resource name or prefix it applies to
 * @param policy     its policy value ({@code read}, {@code write}, {@code list}, {@code deny})
 * @param intentions the intentions policy of a service rule; {@code ""} when unset or for other resources
 */
record Rule(String name, String policy, String intentions) {
}
