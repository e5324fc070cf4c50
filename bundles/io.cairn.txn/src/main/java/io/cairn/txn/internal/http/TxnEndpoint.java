package io.cairn.txn.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.JsonNode;

import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;
import io.cairn.kv.api.KvEntry;
import io.cairn.kv.api.KvOperationResult;
import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.ReadContext;
import io.cairn.txn.internal.ReadOnlyState;
import io.cairn.txn.internal.TxnCommand;
import io.cairn.txn.internal.TxnCommandHandler;
import io.cairn.txn.internal.TxnExecutor;
import io.cairn.txn.internal.TxnOutcome;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code PUT /v1/txn}. A transaction with a write goes through the log as one {@code txn} command; one of reads
 * only is answered from this server's state after the consistency barrier ({@code ?stale}, {@code ?consistent}),
 * with the KV and catalog handlers running the reads, as Consul serves them without Raft. A failed transaction
 * answers 409 with every failed operation's index, an operation the request's token may not run included (see
 * {@link TxnAcls}); the results the token may not read are left out, and a read-only transaction's answer says
 * so, as Consul's does.
 */
@Component(service = HttpEndpoints.class)
public final class TxnEndpoint implements HttpEndpoints {

    /** Largest request body (Consul's {@code txn_max_req_len} default). */
    static final int MAX_BODY = 512 * 1024;

    private final RaftService raft;
    /** The handler of each operation type: it checks the operations up front and runs read-only transactions. */
    private final Map<String, CommandHandler> owners;

    @Activate
    public TxnEndpoint(@Reference RaftService raft,
            @Reference(target = "(" + CommandHandler.TYPE + "=" + TxnExecutor.KV + ")") CommandHandler kv,
            @Reference(target = "(" + CommandHandler.TYPE + "=" + TxnExecutor.CATALOG + ")") CommandHandler catalog) {
        this.raft = raft;
        this.owners = Map.of(TxnExecutor.KV, kv, TxnExecutor.CATALOG, catalog);
    }

    @Override
    public void routes(RouteTable table) {
        table.datacenterScoped().put("/v1/txn", MAX_BODY, "txn_max_req_len", this::txn);
    }

    CompletionStage<Response> txn(Request request) {
        TxnRequests.Parsed parsed = TxnRequests.parse(request, MAX_BODY, TxnCommandHandler.MAX_OPS);
        TxnCommand command = parsed.command();
        List<TxnOutcome.Error> refused = refusals(request, command);
        if (!refused.isEmpty()) {
            return CompletableFuture.completedFuture(render(command, new TxnOutcome(List.of(), refused)));
        }
        if (parsed.readOnly()) {
            return raft.barrier(request.consistency()).thenApply(context -> {
                TxnOutcome outcome = raft.state().read(view -> TxnExecutor.run(command,
                        new ReadOnlyState(view, owners)));
                TxnAcls.Readable readable = TxnAcls.readable(request.acl(), command, outcome);
                return withReadHeaders(request.filteredByAcls(render(command, readable.outcome()),
                        readable.removed()), context);
            });
        }
        return raft.submit(TxnCommandHandler.COMMAND_TYPE, command.encode()).thenApply(result -> render(command,
                TxnAcls.readable(request.acl(), command, TxnOutcome.decode(result.result())).outcome()));
    }

    /**
     * Like Consul, checks every operation before the transaction runs and answers 409 with each one refused: by
     * its owner's {@link CommandHandler#validate} (a KV operation without a key, say), which the log runs only for
     * the {@code txn} command itself, never for the operations nested in it, or else for the request's token.
     */
    private List<TxnOutcome.Error> refusals(Request request, TxnCommand command) {
        List<TxnOutcome.Error> errors = new ArrayList<>();
        for (int i = 0; i < command.ops().size(); i++) {
            TxnCommand.Op op = command.ops().get(i);
            try {
                owners.get(op.type()).validate(op.payload());
            } catch (IllegalArgumentException e) {
                errors.add(new TxnOutcome.Error(i, e.getMessage()));
                continue;
            }
            int opIndex = i;
            TxnAcls.denial(request, op).ifPresent(what -> errors.add(new TxnOutcome.Error(opIndex, what)));
        }
        return errors;
    }

    private static Response withReadHeaders(Response response, ReadContext context) {
        return response.header("X-Consul-KnownLeader", Boolean.toString(context.knownLeader()))
                .header("X-Consul-LastContact", Long.toString(context.lastContactMillis()));
    }

    /** Consul's response: each operation's results in order (deletions have none), or every error with 409. */
    static Response render(TxnCommand command, TxnOutcome outcome) {
        if (outcome.failed()) {
            List<TxnResultJson.ErrorJson> errors = outcome.errors().stream()
                    .map(e -> new TxnResultJson.ErrorJson(e.opIndex(), e.what())).toList();
            return Response.json(409, new TxnResultJson(null, errors));
        }
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < outcome.results().size(); i++) {
            byte[] result = outcome.results().get(i);
            if (command.ops().get(i).type().equals(TxnExecutor.CATALOG)) {
                JsonNode element = TxnExecutor.catalogResult(result);
                if (!element.isEmpty()) {
                    results.add(element);
                }
                continue;
            }
            for (KvEntry entry : KvOperationResult.decode(result).entries()) {
                results.add(new TxnResultJson.ResultJson(TxnResultJson.KvJson.of(entry)));
            }
        }
        return Response.json(new TxnResultJson(results, null));
    }
}
