package io.cairn.acl.internal;

import static io.cairn.acl.internal.AclTestKit.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.cairn.acl.api.AclNotFoundException;

import org.junit.jupiter.api.Test;

class SecondaryTokenSourceTest {

    private final AclTestKit.MovableClock clock = new AclTestKit.MovableClock();

    /** A source that knows the grants of {@code grants} and no other secret. */
    private static TokenSource knowing(Map<String, TokenSource.Grant> grants) {
        return new TokenSource() {
            @Override
            public long version() {
                return 7;
            }

            @Override
            public CompletionStage<Grant> grant(String secretId) {
                TokenSource.Grant grant = grants.get(secretId);
                return grant == null ? CompletableFuture.failedFuture(new AclNotFoundException())
                        : CompletableFuture.completedFuture(grant);
            }
        };
    }

    @Test
    void asksThePrimaryOnlyForWhatItDoesNotHaveAndKeepsThatForAtMostTheTtl() {
        TokenSource.Grant here = new TokenSource.Grant("here", null, List.of());
        Instant soon = clock.instant().plusSeconds(5);
        TokenSource.Grant remote = new TokenSource.Grant("remote", null, List.of());
        TokenSource.Grant expiring = new TokenSource.Grant("expiring", soon, List.of());
        SecondaryTokenSource source = new SecondaryTokenSource(knowing(Map.of("s-here", here)),
                knowing(Map.of("s-here", remote, "s-remote", remote, "s-expiring", expiring)),
                Duration.ofSeconds(30), clock);

        assertEquals(7, source.version());
        assertEquals(here, join(source.grant("s-here")));
        TokenSource.Grant fromPrimary = join(source.grant("s-remote"));
        assertEquals("remote", fromPrimary.accessorId());
        assertEquals(clock.instant().plusSeconds(30), fromPrimary.expiresAt());
        assertEquals(soon, join(source.grant("s-expiring")).expiresAt());
        CompletionException unknown = assertThrows(CompletionException.class, () -> join(source.grant("nope")));
        assertInstanceOf(AclNotFoundException.class, unknown.getCause());
    }
}
