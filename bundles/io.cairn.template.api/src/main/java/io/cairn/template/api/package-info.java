/**
 * Extension points of Cairn's template renderer (consul-template compatible): other bundles contribute template
 * functions as {@link io.cairn.template.api.TemplateFunction} whiteboard services.
 */
@Export
@Version("1.0.0")
package io.cairn.template.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
