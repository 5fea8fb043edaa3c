package io.solidstream.instance;

/** The storage suite on an in-memory instance. */
class InMemoryInstanceTest extends InstanceStorageSuite {

  @Override
  InstanceConfig freshConfig() {
    return InstanceConfig.inMemory();
  }

  @Override
  boolean persistent() {
    return false;
  }
}
