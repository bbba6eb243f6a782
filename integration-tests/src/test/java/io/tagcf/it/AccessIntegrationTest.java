package io.tagcf.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.access.AccessRole;
import io.tagcf.ops.config.AccessSettings;
import io.tagcf.store.access.KeyIssuer;
import io.tagcf.ops.runtime.DevStack;
import io.tagcf.store.access.ApiKeyRepository;
import io.tagcf.workflowapi.ingest.IngestResult;
import io.tagcf.workflowapi.ingest.VideoIngestWorkflow;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Keys on the real stack: made by the issuer the CLI uses, hashed under the stack's pepper,
 * checked by the gateway against PostgreSQL. A creator sees only their own videos, another
 * creator's answering as a missing one; a revoked key stops working within the gateway's memory.
 */
class AccessIntegrationTest {

  @Test
  void creatorsSeeTheirOwnVideosOnlyAndRevokedKeysStopWorking() throws Exception {
    DevStack stack = TestStack.get();
    for (String[] v : new String[][] {{"it-acc-1", "it-acc-creator-1"}, {"it-acc-2", "it-acc-creator-2"}}) {
      Http.Reply r = Http.postJson("/v1/videos", "{\"videoId\":\"" + v[0] + "\",\"creatorId\":\"" + v[1]
          + "\",\"title\":\"Slow-cooked beef stew for a rainy Sunday\"}");
      assertThat(r.status()).as(r.body()).isEqualTo(202);
    }
    for (String id : new String[] {"it-acc-1", "it-acc-2"}) {
      stack.temporal().client().newUntypedWorkflowStub(VideoIngestWorkflow.workflowId(id), Optional.empty(),
          Optional.empty()).getResult(120, TimeUnit.SECONDS, IngestResult.class);
    }
    ApiKeyRepository repository = new ApiKeyRepository(stack.database().dataSource());
    KeyIssuer issuer = new KeyIssuer(repository, AccessSettings.from(Map.of()).hasher());
    String first = issuer.add(AccessRole.CREATOR, "it-acc-creator-1", "access test");

    assertThat(Http.getAs(first, "/v1/videos/it-acc-1").status()).isEqualTo(200);
    Http.Reply theirs = Http.getAs(first, "/v1/videos/it-acc-2");
    Http.Reply missing = Http.getAs(first, "/v1/videos/it-acc-none");
    assertThat(theirs.status()).isEqualTo(404);
    assertThat(theirs.body().replace("it-acc-2", "ID")).isEqualTo(missing.body().replace("it-acc-none", "ID"));
    assertThat(Http.getAs(first, "/v1/snapshots").status()).isEqualTo(403);
    assertThat(Http.getAs(null, "/v1/videos/it-acc-1").status()).isEqualTo(401);
    assertThat(Http.getAs(first + "x", "/v1/videos/it-acc-1").status()).isEqualTo(401);

    assertThat(repository.revoke(first.substring(4, 16))).isTrue();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    int status = 200;
    while (status == 200 && System.nanoTime() < deadline) {
      Thread.sleep(250);
      status = Http.getAs(first, "/v1/videos/it-acc-1").status();
    }
    assertThat(status).as("a revoked key, within the gateway's 5 s memory").isEqualTo(401);
  }
}
