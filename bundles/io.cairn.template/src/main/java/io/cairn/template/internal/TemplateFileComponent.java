package io.cairn.template.internal;

import io.cairn.go.lang.GoDuration;
import io.cairn.template.internal.runner.TemplateSpec;
import io.cairn.template.internal.runner.WaitSpec;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One template per factory configuration {@code io.cairn.template.file} (e.g.
 * {@code etc/io.cairn.template.file-nginx.cfg}), rendered by the agent's {@link TemplateHostComponent}.
 */
@Component(service = {}, configurationPid = "io.cairn.template.file",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TemplateFileComponent.Config.class, factory = true)
public final class TemplateFileComponent {

    @ObjectClassDefinition(name = "Cairn template file", description = "One template rendered inside the agent")
    public @interface Config {
        @AttributeDefinition(description = "Template file (absolute path); leave empty when contents is set")
        String source() default "";

        @AttributeDefinition(description = "Inline template text instead of a source file")
        String contents() default "";

        @AttributeDefinition(description = "File to write (absolute path)")
        String destination() default "";

        @AttributeDefinition(description = "Command run through /bin/sh -c after the file changed")
        String command() default "";

        @AttributeDefinition(description = "How long the command may run, a Go duration")
        String command_timeout() default "30s";

        @AttributeDefinition(description = "Octal file permissions such as 0640; empty keeps the existing file's")
        String perms() default "";

        @AttributeDefinition(description = "Keep the previous content as <destination>.bak")
        boolean backup() default false;

        String left_delimiter() default "{{";

        String right_delimiter() default "}}";

        /** Property {@code wait} (DS drops a lone {@code $}; {@code wait()} itself is taken by Object). */
        @AttributeDefinition(description = "Quiescence min:max such as 2s:10s; empty for none")
        String wait$() default "";
    }

    private final TemplateHostComponent host;
    private final String id;

    @Activate
    public TemplateFileComponent(@Reference TemplateHostComponent host, Config config,
            Map<String, Object> properties) {
        this.host = host;
        this.id = String.valueOf(properties.get("service.pid"));
        host.putConfigured(id, spec(config.source(), config.contents(), config.destination(), config.command(),
                config.command_timeout(), config.perms(), config.backup(), config.left_delimiter(),
                config.right_delimiter(), config.wait$()));
    }

    @Deactivate
    void deactivate() {
        host.removeConfigured(id);
    }

    /** The template a configuration describes; throws saying which property is wrong. */
    static TemplateSpec spec(String source, String contents, String destination, String command,
            String commandTimeout, String perms, boolean backup, String left, String right, String wait) {
        if (destination.isBlank()) {
            throw new IllegalArgumentException("io.cairn.template.file: destination is required");
        }
        if (source.isBlank() == contents.isEmpty()) {
            throw new IllegalArgumentException("io.cairn.template.file: set exactly one of source and contents");
        }
        Integer bits;
        try {
            bits = perms.isBlank() ? null : Integer.parseInt(perms.trim(), 8);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("io.cairn.template.file: perms must be octal such as 0640, got "
                    + perms);
        }
        return new TemplateSpec(source.isBlank() ? null : Path.of(source.trim()),
                contents.isEmpty() ? null : contents, Path.of(destination.trim()), TemplateSpec.shell(command),
                GoDuration.parse(commandTimeout.trim()), bits, backup, left, right,
                wait.isBlank() ? null : WaitSpec.parse(wait));
    }
}
