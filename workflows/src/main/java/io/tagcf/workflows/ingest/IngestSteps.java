package io.tagcf.workflows.ingest;

import io.tagcf.activities.embedding.EmbeddingActivities;
import io.tagcf.activities.ingest.IngestStoreActivities;
import io.tagcf.activities.tagging.NormalisationActivities;

/** The steps after tagging, as one set of stubs: local or remote by the run's recorded version. */
record IngestSteps(
    NormalisationActivities normalisation, EmbeddingActivities embedding, IngestStoreActivities store) {}
