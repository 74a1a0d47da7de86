// The IntelliJ plugin of go-env-doctor, built with Gradle and the IntelliJ Platform Gradle Plugin 2.x.
// (Maven builds and tests only the SDK-free part of this directory: see pom.xml and README.md.)
rootProject.name = "go-env-doctor-intellij"
