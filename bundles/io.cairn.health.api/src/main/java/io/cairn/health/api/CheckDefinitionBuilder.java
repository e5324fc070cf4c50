package io.cairn.health.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link CheckDefinition}; each setter names the record component it sets. Values are checked by
 * {@link #build()}.
 */
public final class CheckDefinitionBuilder {
    private String id;
    private String name;
    private String notes;
    private String serviceId;
    private CheckStatus status;
    private Duration interval;
    private Duration timeout;
    private Duration ttl;
    private String http;
    private String method;
    private Map<String, List<String>> header;
    private String body;
    private boolean tlsSkipVerify;
    private String tlsServerName;
    private String tcp;
    private List<String> args;
    private String dockerContainerId;
    private String shell;
    private String grpc;
    private boolean grpcUseTls;
    private int successBeforePassing;
    private int failuresBeforeWarning;
    private int failuresBeforeCritical;
    private Duration deregisterCriticalServiceAfter;
    private int outputMaxSize;
    private Map<String, Object> extra;

    CheckDefinitionBuilder() {
    }

    CheckDefinitionBuilder(CheckDefinition from) {
        id = from.id();
        name = from.name();
        notes = from.notes();
        serviceId = from.serviceId();
        status = from.status();
        interval = from.interval();
        timeout = from.timeout();
        ttl = from.ttl();
        http = from.http();
        method = from.method();
        header = from.header();
        body = from.body();
        tlsSkipVerify = from.tlsSkipVerify();
        tlsServerName = from.tlsServerName();
        tcp = from.tcp();
        args = from.args();
        dockerContainerId = from.dockerContainerId();
        shell = from.shell();
        grpc = from.grpc();
        grpcUseTls = from.grpcUseTls();
        successBeforePassing = from.successBeforePassing();
        failuresBeforeWarning = from.failuresBeforeWarning();
        failuresBeforeCritical = from.failuresBeforeCritical();
        deregisterCriticalServiceAfter = from.deregisterCriticalServiceAfter();
        outputMaxSize = from.outputMaxSize();
        extra = from.extra();
    }

    /** Sets {@link CheckDefinition#id()}. */
    public CheckDefinitionBuilder id(String value) {
        id = value;
        return this;
    }

    /** Sets {@link CheckDefinition#name()}. */
    public CheckDefinitionBuilder name(String value) {
        name = value;
        return this;
    }

    /** Sets {@link CheckDefinition#notes()}. */
    public CheckDefinitionBuilder notes(String value) {
        notes = value;
        return this;
    }

    /** Sets {@link CheckDefinition#serviceId()}. */
    public CheckDefinitionBuilder serviceId(String value) {
        serviceId = value;
        return this;
    }

    /** Sets {@link CheckDefinition#status()}. */
    public CheckDefinitionBuilder status(CheckStatus value) {
        status = value;
        return this;
    }

    /** Sets {@link CheckDefinition#interval()}. */
    public CheckDefinitionBuilder interval(Duration value) {
        interval = value;
        return this;
    }

    /** Sets {@link CheckDefinition#timeout()}. */
    public CheckDefinitionBuilder timeout(Duration value) {
        timeout = value;
        return this;
    }

    /** Sets {@link CheckDefinition#ttl()}. */
    public CheckDefinitionBuilder ttl(Duration value) {
        ttl = value;
        return this;
    }

    /** Sets {@link CheckDefinition#http()}. */
    public CheckDefinitionBuilder http(String value) {
        http = value;
        return this;
    }

    /** Sets {@link CheckDefinition#method()}. */
    public CheckDefinitionBuilder method(String value) {
        method = value;
        return this;
    }

    /** Sets {@link CheckDefinition#header()}. */
    public CheckDefinitionBuilder header(Map<String, List<String>> value) {
        header = value;
        return this;
    }

    /** Sets {@link CheckDefinition#body()}. */
    public CheckDefinitionBuilder body(String value) {
        body = value;
        return this;
    }

    /** Sets {@link CheckDefinition#tlsSkipVerify()}. */
    public CheckDefinitionBuilder tlsSkipVerify(boolean value) {
        tlsSkipVerify = value;
        return this;
    }

    /** Sets {@link CheckDefinition#tlsServerName()}. */
    public CheckDefinitionBuilder tlsServerName(String value) {
        tlsServerName = value;
        return this;
    }

    /** Sets {@link CheckDefinition#tcp()}. */
    public CheckDefinitionBuilder tcp(String value) {
        tcp = value;
        return this;
    }

    /** Sets {@link CheckDefinition#args()}. */
    public CheckDefinitionBuilder args(List<String> value) {
        args = value;
        return this;
    }

    /** Sets {@link CheckDefinition#dockerContainerId()}. */
    public CheckDefinitionBuilder dockerContainerId(String value) {
        dockerContainerId = value;
        return this;
    }

    /** Sets {@link CheckDefinition#shell()}. */
    public CheckDefinitionBuilder shell(String value) {
        shell = value;
        return this;
    }

    /** Sets {@link CheckDefinition#grpc()}. */
    public CheckDefinitionBuilder grpc(String value) {
        grpc = value;
        return this;
    }

    /** Sets {@link CheckDefinition#grpcUseTls()}. */
    public CheckDefinitionBuilder grpcUseTls(boolean value) {
        grpcUseTls = value;
        return this;
    }

    /** Sets {@link CheckDefinition#successBeforePassing()}. */
    public CheckDefinitionBuilder successBeforePassing(int value) {
        successBeforePassing = value;
        return this;
    }

    /** Sets {@link CheckDefinition#failuresBeforeWarning()}. */
    public CheckDefinitionBuilder failuresBeforeWarning(int value) {
        failuresBeforeWarning = value;
        return this;
    }

    /** Sets {@link CheckDefinition#failuresBeforeCritical()}. */
    public CheckDefinitionBuilder failuresBeforeCritical(int value) {
        failuresBeforeCritical = value;
        return this;
    }

    /** Sets {@link CheckDefinition#deregisterCriticalServiceAfter()}. */
    public CheckDefinitionBuilder deregisterCriticalServiceAfter(Duration value) {
        deregisterCriticalServiceAfter = value;
        return this;
    }

    /** Sets {@link CheckDefinition#outputMaxSize()}. */
    public CheckDefinitionBuilder outputMaxSize(int value) {
        outputMaxSize = value;
        return this;
    }

    /** Sets {@link CheckDefinition#extra()}. */
    public CheckDefinitionBuilder extra(Map<String, Object> value) {
        extra = value;
        return this;
    }

    /**
     * The definition.
     *
     * @throws IllegalArgumentException if a count or duration is negative
     */
    public CheckDefinition build() {
        return new CheckDefinition(id, name, notes, serviceId, status, interval, timeout, ttl, http, method,
                header, body, tlsSkipVerify, tlsServerName, tcp, args, dockerContainerId, shell, grpc, grpcUseTls,
                successBeforePassing, failuresBeforeWarning, failuresBeforeCritical,
                deregisterCriticalServiceAfter, outputMaxSize, extra);
    }
}
