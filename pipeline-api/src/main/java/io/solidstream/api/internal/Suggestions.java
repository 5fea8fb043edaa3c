package io.solidstream.api.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" suggestions for unknown names in error messages. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code name} by case-insensitive edit distance (adjacent
   * transpositions count as one edit), if it is close enough to be a likely typo.
   */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    String lower = name.toLowerCase(Locale.ROOT);
    int threshold = Math.max(2, name.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = editDistance(lower, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= threshold ? Optional.of(best) : Optional.empty();
  }

  /** Suffix {@code ; did you mean 'x'?} for an unknown name, or the empty string. */
  public static String didYouMean(String name, Collection<String> candidates) {
    return closest(name, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, transpositions. */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
