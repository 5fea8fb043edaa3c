package io.solidstream.runtime.flink.pipeline;

import io.solidstream.api.event.RunEvent;
import java.io.Serializable;

/**
 * What the step operators send the client through the job's collect sink, in the order each
 * operator produced them.
 */
sealed interface ClientMessage extends Serializable {

  /**
   * The node whose messages this one is ordered with: the client delivers a node's messages only
   * after the nodes it depends on are done, as the in-process runtime would have produced them.
   */
  String node();

  /** An event of the run, produced by the step {@code node}. */
  record Event(String node, RunEvent event) implements ClientMessage {}

  /** The node finished; always after its events. */
  record Done(StepDone done) implements ClientMessage {
    @Override
    public String node() {
      return done.node();
    }
  }
}
