package io.cairn.query.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A prepared query definition (Consul's {@code PreparedQuery}).
 *
 * @param id          the query's UUID, chosen on create
 * @param name        the name it executes by; {@code ""} for none (then it must be bound to a session or be a
 *                    template); for a template, the prefix of the names it answers
 * @param session     the session whose invalidation deletes the query; {@code ""} for none
 * @param token       the ACL token the query executes with (stored only: Cairn has no ACLs yet)
 * @param template    how the name is matched and interpolated; {@link QueryTemplate#NONE} for a plain query
 * @param service     what it looks up
 * @param dns         how DNS answers it
 * @param createIndex Raft index that created it (ignored when writing)
 * @param modifyIndex Raft index that last changed it (ignored when writing)
 */
public record PreparedQuery(@JsonProperty("ID") String id, @JsonProperty("Name") String name,
        @JsonProperty("Session") String session, @JsonProperty("Token") String token,
        @JsonProperty("Template") QueryTemplate template, @JsonProperty("Service") QueryService service,
        @JsonProperty("DNS") QueryDns dns, @JsonProperty("CreateIndex") long createIndex,
        @JsonProperty("ModifyIndex") long modifyIndex) {

    public PreparedQuery {
        id = id == null ? "" : id;
        name = name == null ? "" : name;
        session = session == null ? "" : session;
        token = token == null ? "" : token;
        template = template == null ? QueryTemplate.NONE : template;
        service = service == null ? QueryService.EMPTY : service;
        dns = dns == null ? QueryDns.DEFAULT : dns;
    }

    /** Whether this is a template, which answers every name its {@link #name()} is a prefix of. */
    public boolean isTemplate() {
        return !template.type().isEmpty();
    }

    /** This query with another ID and indexes. */
    public PreparedQuery withId(String newId, long newCreateIndex, long newModifyIndex) {
        return new PreparedQuery(newId, name, session, token, template, service, dns, newCreateIndex,
                newModifyIndex);
    }

    /** This query looking up {@code newService} instead (a template's rendering). */
    public PreparedQuery withService(QueryService newService) {
        return new PreparedQuery(id, name, session, token, template, newService, dns, createIndex, modifyIndex);
    }
}
