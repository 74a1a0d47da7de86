package dev.goenvdoctor.lsp;

import org.eclipse.lsp4j.services.LanguageClient;

/** The connected client and what it supports; set once at connection and at {@code initialize}. */
final class Session {
  private volatile LanguageClient client;
  private volatile ClientFeatures features = ClientFeatures.NONE;

  LanguageClient client() {
    return client;
  }

  ClientFeatures features() {
    return features;
  }

  void connect(LanguageClient newClient) {
    client = newClient;
  }

  void features(ClientFeatures newFeatures) {
    features = newFeatures;
  }
}
