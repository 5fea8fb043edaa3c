package io.solidstream.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sends messages to a chat channel: the resource {@code notifier} of the weather alerts sample.
 *
 * <p>This sample implementation keeps the messages (see {@link #messages()}) and, if {@code echo} is
 * on, prints them to standard output as {@code [channel] message}. Tests pass their own instance
 * with {@code RunRequest.builder().resource(WeatherAlerts.NOTIFIER, new Notifier("#test", false))}.
 *
 * <p>Thread-safe.
 */
public final class Notifier {
  private final String channel;
  private final boolean echo;
  private final List<String> messages = new ArrayList<>();

  /** A notifier posting to {@code channel}; prints messages if {@code echo}. */
  public Notifier(String channel, boolean echo) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.echo = echo;
  }

  /** The channel messages go to. */
  public String channel() {
    return channel;
  }

  /** Sends one message. */
  public synchronized void send(String message) {
    messages.add(Objects.requireNonNull(message, "message"));
    if (echo) {
      System.out.println("[" + channel + "] " + message);
    }
  }

  /** Every message sent so far, in order. */
  public synchronized List<String> messages() {
    return List.copyOf(messages);
  }
}
