package io.cairn.template.internal.config;

import io.cairn.template.internal.exec.ExecSpec;
import io.cairn.template.internal.runner.Retry;
import io.cairn.template.internal.runner.RunnerConfig;
import io.cairn.template.internal.runner.TemplateSpec;
import io.cairn.template.internal.runner.WaitSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code cairn template} is told, gathered from config files and then flags (later sources override
 * earlier ones; templates add up), with consul-template's defaults for what nobody set.
 */
public final class TemplateSettings {
    private String consulAddress;
    private String consulToken;
    private SslSettings ssl = SslSettings.NONE;
    private boolean retryEnabled = true;
    private int retryAttempts = Retry.DEFAULT.attempts();
    private Duration retryBackoff = Retry.DEFAULT.backoff();
    private Duration retryMaxBackoff = Retry.DEFAULT.maxBackoff();
    private WaitSpec wait = WaitSpec.NONE;
    private Duration blockQueryWait = RunnerConfig.DEFAULT_BLOCK_QUERY_WAIT;
    private final List<TemplateSpec> templates = new ArrayList<>();
    private List<String> execCommand = List.of();
    private String execReloadSignal = ExecSpec.DEFAULT_RELOAD_SIGNAL;
    private String execKillSignal = ExecSpec.DEFAULT_KILL_SIGNAL;
    private Duration execKillTimeout = ExecSpec.DEFAULT_KILL_TIMEOUT;

    /** The agent address ({@code consul.address}), or {@code null} if no config file or flag set it. */
    public String consulAddress() {
        return consulAddress;
    }

    public TemplateSettings consulAddress(String address) {
        this.consulAddress = address;
        return this;
    }

    /** The ACL token ({@code consul.token}), or {@code null} if none was set. */
    public String consulToken() {
        return consulToken;
    }

    public TemplateSettings consulToken(String token) {
        this.consulToken = token;
        return this;
    }

    /** The TLS to the agent ({@code consul.ssl}); fields nobody set are {@code null}. */
    public SslSettings ssl() {
        return ssl;
    }

    /** Replaces the TLS settings that {@code later} sets, keeps the others. */
    public TemplateSettings ssl(SslSettings later) {
        this.ssl = ssl.overriddenBy(later);
        return this;
    }

    /** {@code consul.retry.enabled}: false makes the first failed query an error. */
    public TemplateSettings retryEnabled(boolean enabled) {
        this.retryEnabled = enabled;
        return this;
    }

    /** {@code consul.retry.attempts}: consecutive failures before giving up, 0 for never. */
    public TemplateSettings retryAttempts(int attempts) {
        this.retryAttempts = attempts;
        return this;
    }

    public TemplateSettings retryBackoff(Duration backoff) {
        this.retryBackoff = backoff;
        return this;
    }

    public TemplateSettings retryMaxBackoff(Duration maxBackoff) {
        this.retryMaxBackoff = maxBackoff;
        return this;
    }

    public TemplateSettings wait(WaitSpec newWait) {
        this.wait = newWait;
        return this;
    }

    public TemplateSettings blockQueryWait(Duration newWait) {
        this.blockQueryWait = newWait;
        return this;
    }

    public TemplateSettings addTemplate(TemplateSpec template) {
        templates.add(template);
        return this;
    }

    public List<TemplateSpec> templates() {
        return List.copyOf(templates);
    }

    public TemplateSettings execCommand(List<String> argv) {
        this.execCommand = List.copyOf(argv);
        return this;
    }

    public TemplateSettings execReloadSignal(String signal) {
        this.execReloadSignal = signal;
        return this;
    }

    public TemplateSettings execKillSignal(String signal) {
        this.execKillSignal = signal;
        return this;
    }

    public TemplateSettings execKillTimeout(Duration timeout) {
        this.execKillTimeout = timeout;
        return this;
    }

    /** The runner's part; {@code exitOnError} because this is for the command line. */
    public RunnerConfig runnerConfig(boolean once) {
        return new RunnerConfig(templates, wait, blockQueryWait, new Retry(retryEnabled, retryAttempts, retryBackoff,
                retryMaxBackoff), once, true);
    }

    /** The exec part, or {@code null} if no exec command was set. */
    public ExecSpec execSpec() {
        return execCommand.isEmpty() ? null : new ExecSpec(execCommand, execReloadSignal, execKillSignal,
                execKillTimeout);
    }
}
