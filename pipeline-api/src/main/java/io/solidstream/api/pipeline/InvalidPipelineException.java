package io.solidstream.api.pipeline;

import java.util.List;

/**
 * A pipeline or composite solid definition is invalid: cycles, unwired inputs, unknown or
 * duplicate names, missing resources, type mismatches.
 *
 * <p>The message starts with {@code Invalid pipeline '<name>':} (or
 * {@code Invalid composite solid '<name>':}) and lists every problem with the element it concerns
 * and how to fix it.
 */
public class InvalidPipelineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String definitionName;
  private final List<String> problems;

  /** One or more problems of the pipeline {@code pipelineName}. */
  public InvalidPipelineException(String pipelineName, List<String> problems) {
    this("pipeline", pipelineName, problems);
  }

  /** One or more problems of a definition of the given kind ("pipeline", "composite solid"). */
  public InvalidPipelineException(String kind, String definitionName, List<String> problems) {
    super(format(kind, definitionName, problems));
    this.definitionName = definitionName;
    this.problems = List.copyOf(problems);
  }

  /** The name of the invalid pipeline or composite. */
  public String definitionName() {
    return definitionName;
  }

  /** Every problem found, one sentence each. */
  public List<String> problems() {
    return problems;
  }

  private static String format(String kind, String name, List<String> problems) {
    String head = "Invalid " + kind + " '" + name + "': ";
    if (problems.size() == 1) {
      return head + problems.get(0);
    }
    StringBuilder sb = new StringBuilder(head).append(problems.size()).append(" problems:");
    for (int i = 0; i < problems.size(); i++) {
      sb.append("\n  ").append(i + 1).append(". ").append(problems.get(i));
    }
    return sb.toString();
  }
}
