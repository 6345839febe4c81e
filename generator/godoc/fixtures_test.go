package godoc

// realDocs are documentation strings copied from real Smithy models (AWS
// service models, Apache-2.0), chosen for their lists, notes, links, code,
// definition lists and odd markup.
var realDocs = []struct{ name, source, html string }{
	{"ec2_service", "ec2-interruptible-capacity-reservation.2026-07.json com.amazonaws.ec2#AmazonEC2", `<fullname>Amazon Elastic Compute Cloud</fullname>
         <p>This is the <i>Amazon EC2 API Reference</i>. It provides descriptions, API request
            parameters, and the XML response for each of the Amazon EC2 Query API actions. Note that the
            Amazon EC2 API includes actions for Amazon EC2 plus additional services, such as Amazon EBS and Amazon VPC.</p>
         <p class="title">
            <b>Learn more</b>
         </p>
         <ul>
            <li>
               <p>To learn about using the Query API, see 
                <a href="https://docs.aws.amazon.com/ec2/latest/devguide/ec2-low-level-api.html">Using the API for Amazon EC2</a>.</p>
            </li>
            <li>
               <p>To learn about the permissions required to call an Amazon EC2 API action, see 
                <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html">Actions, resources, and condition keys for Amazon EC2</a>.</p>
            </li>
            <li>
               <p>To get the list of API actions by service and resource, see 
                <a href="https://docs.aws.amazon.com/ec2/latest/devguide/OperationList-query.html">Actions by service</a>.</p>
            </li>
            <li>
               <p>To get the alphabetical list of API actions, see 
                .</p>
            </li>
            <li>
               <p>To get descriptions of the API error codes, see 
                <a href="https://docs.aws.amazon.com/ec2/latest/devguide/errors-overview.html">Error codes for the Amazon EC2 API</a>.</p>
            </li>
         </ul>
         <p>Alternatively, use one of the following methods to access the Amazon EC2 API, instead of using
            the Query API directly:</p>
         <ul>
            <li>
               <p>
                  <a href="https://docs.aws.amazon.com/cli/latest/reference/ec2/">Amazon Web Services CLI Command Reference - ec2 commands</a>
               </p>
            </li>
            <li>
               <p>
                  <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_EC2.html">CloudFormation - Amazon EC2 resource type reference</a>
               </p>
            </li>
            <li>
               <p>
                  <a href="https://docs.aws.amazon.com/powershell/v5/reference/items/EC2_cmdlets.html">Amazon Web Services Tools for PowerShell Cmdlet Reference - Amazon EC2 cmdlets</a>
               </p>
            </li>
            <li>
               <p>
                  <a href="https://builder.aws.com/build/tools">Amazon Web Services SDKs</a>
               </p>
            </li>
         </ul>`},
	{"ec2_tag_specification", "ec2-interruptible-capacity-reservation.2026-07.json com.amazonaws.ec2#TagSpecification", `<p>The tags to apply to a resource when the resource is being created. When you specify a tag, you must 
       specify the resource type to tag, otherwise the request will fail.</p>
         <note>
            <p>The <code>Valid Values</code> lists all the resource types that can be tagged.
            However, the action you're using might not support tagging all of these resource types.
            If you try to tag a resource type that is unsupported for the action you're using,
            you'll get an error.</p>
         </note>`},
	{"ec2_tag_key", "ec2-interruptible-capacity-reservation.2026-07.json com.amazonaws.ec2#Tag$Key", `<p>The key of the tag.</p>
         <p>Constraints: Tag keys are case-sensitive and accept a maximum of 127 Unicode characters. 
         May not begin with <code>aws:</code>.</p>`},
	{"ec2_create_operation", "ec2-interruptible-capacity-reservation.2026-07.json com.amazonaws.ec2#CreateInterruptibleCapacityReservationAllocation", `<p>
			Creates an interruptible Capacity Reservation by specifying the number of unused instances you want to allocate from your source reservation. This helps you make unused capacity available for other workloads within your account while maintaining control to reclaim it.
		</p>`},
	{"codebuild_dl", "codebuild-2016-10-06.json com.amazonaws.codebuild#BucketOwnerAccess", `<p>Specifies the bucket owner's access for objects that another account uploads to their
            Amazon S3 bucket. By default, only the account that uploads the objects to the bucket has
            access to these objects. This property allows you to give the bucket owner access to
            these objects.</p>
         <note>
            <p>To use this property, your CodeBuild service role must have the
                    <code>s3:PutBucketAcl</code> permission. This permission allows CodeBuild to modify
                the access control list for the bucket.</p>
         </note>
         <p>This property can be one of the following values:</p>
         <dl>
            <dt>NONE</dt>
            <dd>
               <p>The bucket owner does not have access to the objects. This is the
                        default.</p>
            </dd>
            <dt>READ_ONLY</dt>
            <dd>
               <p>The bucket owner has read-only access to the objects. The uploading account
                        retains ownership of the objects.</p>
            </dd>
            <dt>FULL</dt>
            <dd>
               <p>The bucket owner has full access to the objects. Object ownership is determined
                        by the following criteria:</p>
               <ul>
                  <li>
                     <p>If the bucket is configured with the <b>Bucket
                                    owner preferred</b> setting, the bucket owner owns the
                                objects. The uploading account will have object access as specified
                                by the bucket's policy.</p>
                  </li>
                  <li>
                     <p>Otherwise, the uploading account retains ownership of the
                                objects.</p>
                  </li>
               </ul>
               <p>For more information about Amazon S3 object ownership, see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html">Controlling ownership of uploaded objects using S3
                            Object Ownership</a> in the <i>Amazon Simple Storage Service User
                        Guide</i>.</p>
            </dd>
         </dl>`},
	{"cloudfront_steps", "cloudfront-2020-05-31.json com.amazonaws.cloudfront#UpdateDistribution", `<p>Updates the configuration for a CloudFront distribution.</p>
         <p>The update process includes getting the current distribution configuration, updating
			it to make your changes, and then submitting an <code>UpdateDistribution</code> request
			to make the updates.</p>
         <p>
            <b>To update a web distribution using the CloudFront
			API</b>
         </p>
         <ol>
            <li>
               <p>Use <code>GetDistributionConfig</code> to get the current configuration,
					including the version identifier (<code>ETag</code>).</p>
            </li>
            <li>
               <p>Update the distribution configuration that was returned in the response. Note
					the following important requirements and restrictions:</p>
               <ul>
                  <li>
                     <p>You must copy the <code>ETag</code> field value from the response. (You'll use it for the <code>IfMatch</code> parameter in your request.) Then, remove the <code>ETag</code>
							field from the distribution configuration.</p>
                  </li>
                  <li>
                     <p>You can't change the value of <code>CallerReference</code>.</p>
                  </li>
               </ul>
            </li>
            <li>
               <p>Submit an <code>UpdateDistribution</code> request, providing the updated distribution
					configuration. The new configuration replaces the existing configuration. The
					values that you specify in an <code>UpdateDistribution</code> request are not
					merged into your existing configuration. Make sure to include all fields: the
					ones that you modified and also the ones that you didn't.</p>
            </li>
         </ol>`},
	{"batch_swappiness", "batch-2016-08-10.json com.amazonaws.batch#LinuxParameters$swappiness", `<p>You can use this parameter to tune a container's memory swappiness behavior. A
    <code>swappiness</code> value of <code>0</code> causes swapping to not occur unless absolutely
   necessary. A <code>swappiness</code> value of <code>100</code> causes pages to be swapped
   aggressively. Valid values are whole numbers between <code>0</code> and <code>100</code>. If the
    <code>swappiness</code> parameter isn't specified, a default value of <code>60</code> is used.
   If a value isn't specified for <code>maxSwap</code>, then this parameter is ignored. If
    <code>maxSwap</code> is set to 0, the container doesn't use swap. This parameter maps to the
    <code>--memory-swappiness</code> option to <a href="https://docs.docker.com/engine/reference/run/">docker
    run</a>.</p>
         <p>Consider the following when you use a per-container swap configuration.</p>
         <ul>
            <li>
               <p>Swap space must be enabled and allocated on the container instance for the containers to
     use.</p>
               <note>
                  <p>By default, the Amazon ECS optimized AMIs don't have swap enabled. You must enable swap on the
      instance to use this feature. For more information, see <a href="https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-store-swap-volumes.html">Instance store swap
       volumes</a> in the <i>Amazon EC2 User Guide for Linux Instances</i> or <a href="http://aws.amazon.com/premiumsupport/knowledge-center/ec2-memory-swap-file/">How do I
       allocate memory to work as swap space in an Amazon EC2 instance by using a swap
      file?</a>
                  </p>
               </note>
            </li>
            <li>
               <p>The swap space parameters are only supported for job definitions using EC2
     resources.</p>
            </li>
            <li>
               <p>If the <code>maxSwap</code> and <code>swappiness</code> parameters are omitted from a job
     definition, each container has a default <code>swappiness</code> value of 60. Moreover, the
     total swap usage is limited to two times the memory reservation of the container.</p>
            </li>
         </ul>
         <note>
            <p>This parameter isn't applicable to jobs that are running on Fargate resources. Don't
    provide it for these jobs.</p>
         </note>`},
	{"datapipeline_examples", "data-pipeline-2012-10-29.json com.amazonaws.datapipeline#ActivatePipeline", `<p>Validates the specified pipeline and starts processing pipeline tasks. If the pipeline does not pass validation, 
           activation fails.</p>
        <p>If you need to pause the pipeline to investigate an issue with a component, such as a data source or script, 
           call <a>DeactivatePipeline</a>.</p>
        <p>To activate a finished pipeline, modify the end date for the pipeline and then activate it.</p>
        <examples>
            <request>
                
POST / HTTP/1.1
Content-Type: application/x-amz-json-1.1
X-Amz-Target: DataPipeline.ActivatePipeline
Content-Length: 39
Host: datapipeline.us-east-1.amazonaws.com
X-Amz-Date: Mon, 12 Nov 2012 17:49:52 GMT
Authorization: AuthParams

{"pipelineId": "df-06372391ZG65EXAMPLE"}

            </request>
            <response>
                
HTTP/1.1 200 
x-amzn-RequestId: ee19d5bf-074e-11e2-af6f-6bc7a6be60d9
Content-Type: application/x-amz-json-1.1
Content-Length: 2
Date: Mon, 12 Nov 2012 17:50:53 GMT

{}
                
            </response>
        </examples>`},
	{"apigateway_replaceable", "apigatewayv2-2018-11-29.json com.amazonaws.apigatewayv2#Authorizer$AuthorizerUri", `<p>The authorizer's Uniform Resource Identifier (URI). For REQUEST authorizers, this must be a well-formed Lambda function URI, for example, arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:<replaceable>{account_id}</replaceable>:function:<replaceable>{lambda_function_name}</replaceable>/invocations. In general, the URI has this form: arn:aws:apigateway:<replaceable>{region}</replaceable>:lambda:path/<replaceable>{service_api}</replaceable>
               , where <replaceable></replaceable>{region} is the same as the region hosting the Lambda function, path indicates that the remaining substring in the URI should be treated as the path to the resource, including the initial /. For Lambda functions, this is usually of the form /2015-03-31/functions/[FunctionARN]/invocations. Supported only for REQUEST authorizers.</p>`},
	{"mediastore_placeholders", "mediastore-2017-09-01.json com.amazonaws.mediastore#Container$ARN", `<p>The Amazon Resource Name (ARN) of the container. The ARN has the following
         format:</p>
         <p>arn:aws:<region>:<account that owns this container>:container/<name of
         container> </p>
         <p>For example: arn:aws:mediastore:us-west-2:111122223333:container/movies </p>`},
	{"servicecatalog_numbered_paragraphs", "service-catalog-2015-12-10.json com.amazonaws.servicecatalog#PortfolioShareDetail$PrincipalId", `<p>The identifier of the recipient entity that received the portfolio share. 
         The recipient entity can be one of the following:</p>
         <p>1. An external account.</p>
         <p>2. An organziation member account.</p>
         <p>3. An organzational unit (OU).</p>
         <p>4. The organization itself. (This shares with every account in the organization).</p>`},
	{"waf_duplicate_links", "waf-2015-08-24.json com.amazonaws.waf#CreateRuleGroup", `<note>
            <p>This is <b>AWS WAF Classic</b> documentation. For
      more information, see <a href="https://docs.aws.amazon.com/waf/latest/developerguide/classic-waf-chapter.html">AWS
      WAF Classic</a> in the developer guide.</p>
            <p>
               <b>For the latest version of AWS
      WAF</b>, use the AWS WAFV2 API and see the <a href="https://docs.aws.amazon.com/waf/latest/developerguide/waf-chapter.html">AWS WAF Developer Guide</a>. With the latest version, AWS WAF has a single set of endpoints for regional and global use. </p>
         </note> 
         <p>Creates a <code>RuleGroup</code>. A rule group is a collection of predefined rules that you add to a web ACL. You use <a>UpdateRuleGroup</a> to add rules to the rule group.</p>
	        <p>Rule groups are subject to the following limits:</p>
	        <ul>
            <li>
               <p>Three rule groups per account. You can request an increase to this limit by contacting customer support.</p>
            </li>
            <li>
               <p>One rule group per web ACL.</p>
            </li>
            <li>
               <p>Ten rules per rule group.</p>
            </li>
         </ul>
         <p>For more information about how to use the AWS WAF API to allow or block HTTP requests, see the 
         <a href="https://docs.aws.amazon.com/waf/latest/developerguide/">AWS WAF Developer Guide</a>.</p>`},
	{"mediaconnect_quotes", "mediaconnect-2018-11-14.json com.amazonaws.mediaconnect#Output$EntitlementArn", `<p> The ARN of the entitlement on the originator''s flow. This value is relevant only on entitled flows.</p>`},
	{"marketplace_strong_in_list", "marketplace-commerce-analytics-2015-07-01.json com.amazonaws.marketplacecommerceanalytics#GenerateDataSetRequest$dataSetType", `<p>The desired data set type.</p>
        <p>
            <ul>
                <li>
                    <strong>customer_subscriber_hourly_monthly_subscriptions</strong>
                    <p>From 2017-09-15 to present: Available daily by 24:00 UTC.</p>
                </li>
                <li>
                    <strong>customer_subscriber_annual_subscriptions</strong>
                    <p>From 2017-09-15 to present: Available daily by 24:00 UTC.</p>
                </li>
                <li>
                    <strong>daily_business_usage_by_instance_type</strong>
                    <p>From 2017-09-15 to present: Available daily by 24:00 UTC.</p>
                </li>
                <li>
                    <strong>daily_business_fees</strong>
                    <p>From 2017-09-15 to present: Available daily by 24:00 UTC.</p>
                </li>
                <li>
                    <strong>daily_business_free_trial_conversions</strong>
                    <p>From 2017-09-15 to present: Available daily by 24:00 UTC.</p>
                </li>
                <li>
                    <strong>daily_business_new_instances</strong>
                    <p>From 2017-09-15 to present: Available daily by 24:00 UTC.</p>
                </li>
                <li>
                    <strong>daily_business_new_product_subscribers</strong>
                    <p>From 2017-09-15 to present: Available daily by 24:00 UTC.</p>
                </li>
                <li>
                    <strong>daily_business_canceled_product_subscribers</strong>
                    <p>From 2017-09-15 to present: Available daily by 24:00 UTC.</p>
                </li>
                <li>
                    <strong>monthly_revenue_billing_and_revenue_data</strong>
                    <p>From 2017-09-15 to present: Available monthly on the 15th day of the month by 24:00 UTC. Data includes metered transactions (e.g. hourly) from one month prior.</p>
                </li>
                <li>
                    <strong>monthly_revenue_annual_subscriptions</strong>
                    <p>From 2017-09-15 to present: Available monthly on the 15th day of the month by 24:00 UTC. Data includes up-front software charges (e.g. annual) from one month prior.</p>
                </li>
                <li>
                    <strong>monthly_revenue_field_demonstration_usage</strong>
                    <p>From 2018-03-15 to present: Available monthly on the 15th day of the month by 24:00 UTC.</p>
                </li>
                <li>
                    <strong>monthly_revenue_flexible_payment_schedule</strong>
                    <p>From 2018-11-15 to present: Available monthly on the 15th day of the month by 24:00 UTC.</p>
                </li>
                <li>
                    <strong>disbursed_amount_by_product</strong>
                    <p>From 2017-09-15 to present: Available every 30 days by 24:00 UTC.</p>
                </li>
                <li>
                    <strong>disbursed_amount_by_instance_hours</strong>
                    <p>From 2017-09-15 to present: Available every 30 days by 24:00 UTC.</p>
                </li>
                <li>
                    <strong>disbursed_amount_by_customer_geo</strong>
                    <p>From 2017-09-15 to present: Available every 30 days by 24:00 UTC.</p>
                </li>
                <li>
                    <strong>disbursed_amount_by_age_of_uncollected_funds</strong>
                    <p>From 2017-09-15 to present: Available every 30 days by 24:00 UTC.</p>
                </li>
                <li>
                    <strong>disbursed_amount_by_age_of_disbursed_funds</strong>
                    <p>From 2017-09-15 to present: Available every 30 days by 24:00 UTC.</p>
                </li>
                <li>
                    <strong>disbursed_amount_by_age_of_past_due_funds</strong>
                    <p>From 2018-04-07 to present: Available every 30 days by 24:00 UTC.</p>
                </li>
                <li>
                    <strong>disbursed_amount_by_uncollected_funds_breakdown</strong>
                    <p>From 2019-10-04 to present: Available every 30 days by 24:00 UTC.</p>
                </li>
                <li>
                    <strong>sales_compensation_billed_revenue</strong>
                    <p>From 2017-09-15 to present: Available monthly on the 15th day of the month by 24:00 UTC. Data includes metered transactions (e.g. hourly) from one month prior, and up-front software charges (e.g. annual) from one month prior.</p>
                </li>
                <li>
                    <strong>us_sales_and_use_tax_records</strong>
                    <p>From 2017-09-15 to present: Available monthly on the 15th day of the month by 24:00 UTC.</p>
                </li>
                <li>
                    <strong>disbursed_amount_by_product_with_uncollected_funds</strong>
                    <p>This data set is deprecated. Download related reports from AMMP instead!</p>
                </li>
                <li>
                    <strong>customer_profile_by_industry</strong>
                    <p>This data set is deprecated. Download related reports from AMMP instead!</p>
                </li>
                <li>
                    <strong>customer_profile_by_revenue</strong>
                    <p>This data set is deprecated. Download related reports from AMMP instead!</p>
                </li>
                <li>
                    <strong>customer_profile_by_geography</strong>
                    <p>This data set is deprecated. Download related reports from AMMP instead!</p>
                </li>
            </ul>
        </p>`},
	{"sts_token_backticks", "iot-2015-05-28.json com.amazonaws.iot#ListAttachedPoliciesResponse$nextMarker", "<p>The token to retrieve the next set of results, or ``null`` if there are no more\n         results.</p>"},
}
