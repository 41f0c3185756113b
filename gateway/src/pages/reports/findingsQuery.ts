/** One page of the coordination group's findings (核查问题) for the download, filtered as the caller asks. */
export const FINDINGS_QUERY = `query FindingsDownload($creditCode: String, $mustAct: String, $first: Int, $after: String) {
  findings(creditCode: $creditCode, mustAct: $mustAct, first: $first, after: $after) {
    totalCount
    nodes { id type severity mustAct offices creditCode idNumber status description firstSeenAt lastSeenAt values { office item value } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The download's page size (the API allows up to 1000) and the most findings one download holds. */
export const FINDINGS_PAGE_SIZE = 200;
export const FINDINGS_DOWNLOAD_MAX = 20_000;
