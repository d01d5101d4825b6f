using Tollgate.Tests.Support;

namespace Tollgate.Tests.Review;

/// <summary>A repository's build with the gates a pull request's report compares and the report itself.</summary>
public sealed class ReviewBuild : TollgateBuild, ILint, ICoverage, IPullRequestReport, IUseSharedTools;
