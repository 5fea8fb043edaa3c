package io.solidstream.runtime.flink.pipeline;

import io.solidstream.api.execution.ResourcePlan;
import io.solidstream.api.run.OutputStorage;
import io.solidstream.api.run.ParentOutputs;
import io.solidstream.runtime.flink.FlinkCluster;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every step operator of one run needs besides its step, shipped with it to the task
 * managers.
 *
 * @param runId the run's id
 * @param tags the run's tags (the pipeline's and the request's)
 * @param scopes the dynamic scope of every template step, by key
 * @param resources the resources the run's steps and hooks may open
 * @param replacements the request's replacement resources by key name (serializable copies)
 * @param cluster the cluster stream programs of {@code StreamSolid} steps run on, or {@code null}
 *     if it cannot be described to a task manager (not serializable)
 * @param clusterName the cluster's name, for messages
 * @param outputStorage where the task managers store step outputs, or {@code null}
 * @param parentOutputs for a re-execution, the parent run and the steps that run; else {@code null}
 */
record RunSpec(String runId, Map<String, String> tags, Map<String, String> scopes,
    Map<String, ResourcePlan> resources, Map<String, Object> replacements, FlinkCluster cluster, String clusterName,
    OutputStorage outputStorage, ParentOutputs parentOutputs)
    implements Serializable {

  /** Copies the maps into serializable ones. */
  RunSpec {
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    scopes = Collections.unmodifiableMap(new LinkedHashMap<>(scopes));
    resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
    replacements = Collections.unmodifiableMap(new LinkedHashMap<>(replacements));
  }
}
