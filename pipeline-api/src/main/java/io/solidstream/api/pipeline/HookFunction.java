package io.solidstream.api.pipeline;

import java.io.Serializable;

/** The code of a hook. */
@FunctionalInterface
public interface HookFunction extends Serializable {

  /** Runs the hook for one step. */
  void run(HookContext context) throws Exception;
}
